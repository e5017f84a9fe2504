namespace CloudMgmt.Client.Models;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items.</param>
/// <param name="Next">The cursor of the next page; null on the last.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
