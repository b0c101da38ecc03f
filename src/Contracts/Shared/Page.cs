namespace Portal.Contracts.Shared;

/// <summary>One page of a longer list, with the total to page through.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
