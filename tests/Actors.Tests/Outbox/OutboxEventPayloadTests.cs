using System.Text;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Actors.Tests.Outbox;

/// <summary>
/// An event's payload is parsed once for all the consumers of a round that read it as the same type, and the parse is no
/// part of the event: two events with the same fields are equal whether or not either was read. An event made from the
/// payload's UTF-8 bytes (the relay's, a grain's) is the same event as one made from its text, on the wire as well.
/// </summary>
public sealed class OutboxEventPayloadTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(OutboxEvent).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

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

    [Fact]
    public void An_event_made_from_utf8_bytes_is_the_event_made_from_the_text()
    {
        var e = Event();
        var bytes = Encoding.UTF8.GetBytes(e.Payload);

        var fromBytes = OutboxEvent.FromUtf8(e.AggregateType, e.AggregateId, e.Version, e.Type, bytes, e.OccurredAt);

        Assert.Same(bytes, fromBytes.PayloadUtf8());
        Assert.Equal("CIN-2026-8K2QF-4M7TZ", fromBytes.PayloadAs<RequestIndexEntry>().Reference);
        Assert.Equal(e, fromBytes);
        Assert.Equal(e.GetHashCode(), fromBytes.GetHashCode());
        Assert.Equal(e.Payload, fromBytes.Payload);
        Assert.Equal(bytes, e.PayloadUtf8());
    }

    [Fact]
    public void Orleans_carries_the_payload_as_text_whichever_form_the_event_holds()
    {
        var e = Event();
        var fromBytes = OutboxEvent.FromUtf8(e.AggregateType, e.AggregateId, e.Version, e.Type, Encoding.UTF8.GetBytes(e.Payload), e.OccurredAt);

        var read = Assert.IsType<OutboxEvent>(Serializer.Deserialize<OutboxEvent>(Serializer.SerializeToArray(fromBytes)));

        Assert.Equal(e, read);
        Assert.Equal(e.Payload, read.Payload);
        Assert.Equal(Serializer.SerializeToArray(e), Serializer.SerializeToArray(fromBytes));
    }

    [Fact]
    public void A_grains_event_holds_its_payload_as_the_json_of_its_record()
    {
        var noted = new Noted("AGENT:agent-1", 2, DateTimeOffset.UnixEpoch, "تونس \"quoted\" +01:00");

        var e = OutboxEvent.Of("probe", "p-1", noted);

        Assert.Equal(nameof(Noted), e.Type);
        Assert.Equal(OutboxJson.Serialize(noted, typeof(Noted)), e.Payload);
        Assert.Equal(noted, e.PayloadAs<Noted>());
    }

    private sealed record Noted(string Actor, long Version, DateTimeOffset At, string Note) : IDomainEvent;
}
