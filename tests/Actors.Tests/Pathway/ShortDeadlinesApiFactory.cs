namespace Actors.Tests.Pathway;

/// <summary>The automatic pathway with payment deadlines of seconds instead of days: reminded after 1 s, expired after 4 s.</summary>
public sealed class ShortDeadlinesApiFactory : AutomaticApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
    {
        ["Pathway:PaymentReminderAfter"] = "00:00:01",
        ["Pathway:PaymentExpiresAfter"] = "00:00:04",
    };
}
