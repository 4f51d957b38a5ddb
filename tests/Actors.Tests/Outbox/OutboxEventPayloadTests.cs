using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;

namespace Actors.Tests.Outbox;

/// <summary>
/// An event's payload is parsed once for all the consumers of a round that read it as the same type, and the parse is no
/// part of the event: two events with the same fields are equal whether or not either was read.
/// </summary>
public sealed class OutboxEventPayloadTests
{
    private static OutboxEvent Event() => new(
        "citizen-request", Guid.NewGuid().ToString("D"), 3, OutboxEventTypes.CitizenRequestChanged,
        OutboxJson.Serialize(new { id = Guid.NewGuid(), reference = "CIN-2026-8K2QF-4M7TZ", status = "VERIFYING", version = 3 }),
        new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1)));

    [Fact]
    public void The_payload_is_parsed_once_per_type_and_read_again_when_asked_as_another()
    {
        var e = Event();

        var first = e.PayloadAs<RequestIndexEntry>();
        Assert.Same(first, e.PayloadAs<RequestIndexEntry>());
        Assert.Equal("CIN-2026-8K2QF-4M7TZ", first.Reference);

        var other = e.PayloadAs<Dictionary<string, object>>();
        Assert.Equal(4, other.Count);
        Assert.NotSame(first, e.PayloadAs<RequestIndexEntry>());
        Assert.Equal(first.Reference, e.PayloadAs<RequestIndexEntry>().Reference);
    }

    [Fact]
    public void Reading_the_payload_changes_neither_equality_nor_hash()
    {
        var e = Event();
        var copy = e with { };
        _ = e.PayloadAs<RequestIndexEntry>();

        Assert.Equal(copy, e);
        Assert.Equal(copy.GetHashCode(), e.GetHashCode());
        Assert.NotEqual(e with { Version = 4 }, e);
        Assert.NotEqual(e with { Payload = "{}" }, e);
        Assert.Equal(e with { OccurredAt = e.OccurredAt.ToUniversalTime() }, e);
    }

    [Fact]
    public void A_copy_with_another_payload_reads_its_own()
    {
        var e = Event();
        Assert.Equal("VERIFYING", e.PayloadAs<RequestIndexEntry>().Status.ToString().ToUpperInvariant());

        var changed = e with { Payload = e.Payload.Replace("VERIFYING", "SUBMITTED", StringComparison.Ordinal) };

        Assert.Equal("SUBMITTED", changed.PayloadAs<RequestIndexEntry>().Status.ToString().ToUpperInvariant());
    }
}
