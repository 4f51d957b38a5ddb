namespace Actors.Persistence.ReadModels;

/// <summary>
/// A column and the values a filter lists for it (<c>column = ANY(values)</c>): one of the columns a page can be read
/// by, one index walk per combination of values (<see cref="KeysetTable{TEntry, TFilter, TOrder}.WalksFor"/>).
/// </summary>
public sealed record ListedValues(string Column, IReadOnlyList<string> Values);
