using System.Text.Json;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;

namespace Actors.Tests.Requests;

/// <summary>
/// A request's stored JSON carries the events of its latest step, in the shape the outbox trigger copies (migration 0004),
/// and a state read back from that JSON has none: they reached the outbox with the write.
/// </summary>
public sealed class StoredStateEventsTests
{
    private static readonly JsonSerializerOptions Storage = new();

    [Fact]
    public void A_state_is_written_with_its_latest_events_in_the_shape_the_outbox_trigger_reads()
    {
        var state = new CitizenRequestState { Id = Guid.NewGuid(), Reference = "CIN-2026-ABCDE-FGHIJ", Version = 3 };
        state.Outbox = [new OutboxEvent(AggregateTypes.CitizenRequest, state.Id.ToString("D"), 3, "RequestStatusChanged", "{\"version\":3}", DateTimeOffset.UnixEpoch)];

        using var written = JsonDocument.Parse(JsonSerializer.Serialize(state, Storage));
        var stored = Assert.Single(written.RootElement.GetProperty("Outbox").EnumerateArray());
        Assert.Equal(AggregateTypes.CitizenRequest, stored.GetProperty("AggregateType").GetString());
        Assert.Equal(state.Id.ToString("D"), stored.GetProperty("AggregateId").GetString());
        Assert.Equal(3, stored.GetProperty("Version").GetInt64());
        Assert.Equal("RequestStatusChanged", stored.GetProperty("Type").GetString());
        Assert.Equal("{\"version\":3}", stored.GetProperty("Payload").GetString());
        Assert.Equal(DateTimeOffset.UnixEpoch, stored.GetProperty("OccurredAt").GetDateTimeOffset());
        Assert.Contains("\"Outbox\":[]", JsonSerializer.Serialize(new CitizenRequestState(), Storage), StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_read_from_storage_has_no_events_and_everything_else_it_was_written_with()
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "Actors.Tests", "Faults", "Samples", "citizen-request.v1.json");
        var json = File.ReadAllText(path);
        using var sample = JsonDocument.Parse(json);
        Assert.NotEmpty(sample.RootElement.GetProperty("Outbox").EnumerateArray());

        var read = JsonSerializer.Deserialize<CitizenRequestState>(json, Storage)!;

        Assert.Empty(read.Outbox);
        Assert.Equal(sample.RootElement.GetProperty("Id").GetGuid(), read.Id);
        Assert.Equal(sample.RootElement.GetProperty("Version").GetInt64(), read.Version);
        Assert.Equal(sample.RootElement.GetProperty("History").GetArrayLength(), read.History.Count);
        Assert.Equal(sample.RootElement.GetProperty("Reference").GetString(), read.Reference);
    }
}
