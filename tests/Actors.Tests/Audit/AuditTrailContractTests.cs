using Actors.Contracts.Audit;
using Actors.Contracts.ReadModels;

namespace Actors.Tests.Audit;

/// <summary>What every audit trail answers, in memory or in PostgreSQL; each test gets an empty trail.</summary>
public abstract class AuditTrailContractTests
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Appended_records_form_a_chain_from_sequence_one_that_verifies()
    {
        var trail = await CreateTrailAsync();
        var first = await trail.AppendAsync([Record("submitIdCardRequest", "req-1"), Record("request", "req-1", kind: AuditKind.Read)], Cancel);
        var second = await trail.AppendAsync([Record("bookAppointment", "req-1", outcome: "SLOT_FULL")], Cancel);

        Assert.Equal([1L, 2L, 3L], first.Concat(second).Select(e => e.Sequence));
        Assert.Equal(AuditChain.Genesis, first[0].PreviousHash);
        Assert.Equal(first[0].Hash, first[1].PreviousHash);
        Assert.Equal(first[1].Hash, second[0].PreviousHash);

        var chain = await trail.ReadChainAsync(0, 10, Cancel);
        Assert.Equal(first.Concat(second).Select(e => e.Hash), chain.Select(e => e.Hash));
        var read = chain[2];
        Assert.Equal("SLOT_FULL", read.Record.Outcome);
        Assert.Equal(["req-1"], read.Record.ObjectIds);
        Assert.Equal(Start.ToUniversalTime(), read.Record.At);
        Assert.Equal(TimeSpan.Zero, read.Record.At.Offset);

        var verification = await AuditChainVerifier.VerifyAsync(trail, batchSize: 2, Cancel);
        Assert.True(verification.Intact, verification.Break?.ToString());
        Assert.Equal(3, verification.EntriesChecked);
    }

    [Fact]
    public async Task Concurrent_appends_are_serialised_into_one_chain_without_gaps()
    {
        var trail = await CreateTrailAsync();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => trail.AppendAsync([.. Enumerable.Range(0, 5).Select(j => Record("op", $"obj-{i}-{j}"))], Cancel), Cancel)));

        var chain = await trail.ReadChainAsync(0, 1_000, Cancel);
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.True((await AuditChainVerifier.VerifyAsync(trail, 7, Cancel)).Intact);
    }

    [Fact]
    public async Task A_record_sent_again_with_its_entry_id_is_stored_once_and_the_chain_stays_without_gaps()
    {
        var trail = await CreateTrailAsync();
        var confirm = Record("confirmVerification", "req-1") with { EntryId = Guid.CreateVersion7() };
        var read = Record("request", "req-1", kind: AuditKind.Read) with { EntryId = Guid.CreateVersion7() };
        var first = await trail.AppendAsync([confirm, read], Cancel);

        // The sender heard nothing (its writer's silo died after the commit) and sends the same records again, with a new one.
        var again = await trail.AppendAsync([read, confirm, Record("startVerification", "req-2"), read], Cancel);

        Assert.Equal([confirm.EntryId, read.EntryId], first.Select(e => e.Id));
        Assert.Equal([3L], again.Select(e => e.Sequence));
        var chain = await trail.ReadChainAsync(0, 10, Cancel);
        Assert.Equal(["confirmVerification", "request", "startVerification"], chain.Select(e => e.Record.Operation));
        Assert.Equal([confirm.EntryId, read.EntryId], chain.Take(2).Select(e => e.Id));
        Assert.All(chain, e => Assert.Equal(Guid.Empty, e.Record.EntryId));
        Assert.True((await AuditChainVerifier.VerifyAsync(trail, 2, Cancel)).Intact);
        Assert.Empty(await trail.AppendAsync([confirm], Cancel));
    }

    [Fact]
    public async Task The_trail_lists_newest_first_filtered_by_object_subject_operation_governorate_and_time()
    {
        var trail = await CreateTrailAsync();
        await trail.AppendAsync(
        [
            Record("submitIdCardRequest", "req-A", subject: "citizen-1", governorate: "TUNIS", at: Start),
            Record("request", "req-A", subject: "agent-1", governorate: "TUNIS", kind: AuditKind.Read, at: Start.AddMinutes(1)),
            Record("request", "req-B", subject: "agent-2", governorate: "SFAX", kind: AuditKind.Read, at: Start.AddMinutes(2)),
            Record("allocateFund", "alloc-1", subject: "fm-1", at: Start.AddMinutes(3)),
        ], Cancel);

        async Task<IReadOnlyList<long>> Sequences(AuditFilter filter) =>
            (await trail.QueryAsync(new KeysetQuery<AuditFilter, AuditOrder>(filter, AuditOrder.Default, First: 10), Cancel)).Items.Select(e => e.Sequence).ToList();

        Assert.Equal([4L, 3L, 2L, 1L], await Sequences(new AuditFilter()));
        Assert.Equal([2L, 1L], await Sequences(new AuditFilter(ObjectId: "req-A")));
        Assert.Equal([3L], await Sequences(new AuditFilter(Subject: "agent-2")));
        Assert.Equal([3L, 2L], await Sequences(new AuditFilter(Operation: "request")));
        Assert.Equal([2L, 1L], await Sequences(new AuditFilter(Governorate: "TUNIS")));
        Assert.Equal([3L, 2L], await Sequences(new AuditFilter(From: Start.AddMinutes(1), To: Start.AddMinutes(3))));
        Assert.Empty(await Sequences(new AuditFilter(ObjectId: "req-A", Governorate: "SFAX")));

        var firstPage = await trail.QueryAsync(new KeysetQuery<AuditFilter, AuditOrder>(new AuditFilter(), AuditOrder.Default, First: 3), Cancel);
        Assert.Equal(4, firstPage.TotalCount);
        Assert.True(firstPage.HasNextPage);
        var last = firstPage.Items[^1];
        var next = await trail.QueryAsync(
            new KeysetQuery<AuditFilter, AuditOrder>(new AuditFilter(), AuditOrder.Default, First: 3, After: new KeysetCursor(AuditOrder.Default.KeyOf(last), last.Id)), Cancel);
        Assert.Equal([1L], next.Items.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_entry_copied_again_keeps_what_the_trail_holds()
    {
        var trail = await CreateTrailAsync();
        var entry = Assert.Single(await trail.AppendAsync([Record("revokeDocument", "DOC-1")], Cancel));
        await trail.ApplyAsync([entry with { Record = entry.Record with { Outcome = "CHANGED" } }], Cancel);

        var held = Assert.Single(await trail.ReadChainAsync(0, 10, Cancel));
        Assert.Equal(AuditRecord.Ok, held.Record.Outcome);
        Assert.True((await AuditChainVerifier.VerifyAsync(trail, 10, Cancel)).Intact);
    }

    protected abstract Task<IAuditTrail> CreateTrailAsync();

    protected static AuditRecord Record(
        string operation, string objectId, string subject = "operator-1", string? governorate = null, AuditKind kind = AuditKind.Mutation,
        string outcome = AuditRecord.Ok, DateTimeOffset? at = null) =>
        new(at ?? Start, "https://issuer.test", subject, "OPERATOR", kind, operation, [objectId], governorate is null ? [] : [governorate], "0123456789abcdef", outcome);
}
