namespace Actors.Tests.Readme;

/// <summary>
/// One ```graphql block of the README: its operations in order, the token it runs with (the subject
/// named by a leading <c># as subject</c> comment, anonymous without one) and whether its text says
/// it shows an error.
/// </summary>
public sealed record ReadmeSnippet(int Line, string? Subject, bool ShowsError, IReadOnlyList<string> Operations)
{
    public override string ToString() => $"README.md line {Line}";
}
