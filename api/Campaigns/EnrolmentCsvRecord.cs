namespace Actors.Api.Campaigns;

/// <summary>One record of the file: the line it starts on, its fields, and what is wrong with its quoting (or null).</summary>
public sealed record EnrolmentCsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem);
