namespace Actors.Bench;

/// <summary>One abusive attempt: how long the server took to refuse it (from the abusive part, in ms) and how it refused.</summary>
/// <param name="Outcome">What the client saw: an HTTP status and <c>extensions.code</c> with the bound, a close code, an abort; "answered" when not refused.</param>
public sealed record AbuseTry(double Milliseconds, string Outcome)
{
    public bool Refused => Outcome != Answered;

    public const string Answered = "answered";
}
