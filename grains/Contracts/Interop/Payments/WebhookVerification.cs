namespace Actors.Contracts.Interop.Payments;

/// <summary>What <see cref="WebhookSignature.Verify"/> found; anything but <see cref="Valid"/> is refused (401) and logged.</summary>
public enum WebhookVerification
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,

    /// <summary>Older than the tolerance: possibly a replay of a captured message.</summary>
    TooOld,

    /// <summary>Ahead of our clock by more than the tolerance.</summary>
    TooNew,

    /// <summary>No <c>v1,</c> signature matches: forged, altered, or signed with another secret.</summary>
    NoMatchingSignature,
}
