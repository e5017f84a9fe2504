namespace CloudMgmt.Client.Models;

/// <summary>What a reconcile pass over every cloud did.</summary>
/// <param name="Clouds">How many clouds it reconciled.</param>
public sealed record ReconcileResult(int Clouds);
