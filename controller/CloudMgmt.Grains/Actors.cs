namespace CloudMgmt.Grains;

/// <summary>How allocation histories and the audit trail name the controller's own actors ("kind:id", like "key:key-1a2b" for a key).</summary>
public static class Actors
{
    public const string Reconciler = "system:reconciler";
    public const string Elastic = "system:elastic";
}
