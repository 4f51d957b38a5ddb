using Actors.Contracts.Audit;
using Actors.Contracts.Outbox;
using Actors.Persistence.Audit;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Tests.Audit;

/// <summary>
/// The silos' side of audit stamps against PostgreSQL: the relay's consumer keeps the stamps whose entry the trail does
/// not hold, and once they are older than <c>AuditStamps:CompleteAfter</c> the reconciler appends from the stamp only
/// those whose API never sent its entry, once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditStampReconcilerTests(PostgresServer server)
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stamp_whose_entry_never_came_is_appended_from_it_once_and_the_others_are_let_go()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var trail = new PostgresAuditTrail(dataSource);
        var options = new AuditStampOptions { CompleteAfter = TimeSpan.FromMinutes(2) };
        var reconciler = new AuditStampReconciler(dataSource, trail, Options.Create(options), NullLogger<AuditStampReconciler>.Instance);
        var (sent, late, lost) = (Stamp("payIdCardRequest"), Stamp("cancelIdCardRequest"), Stamp("bookIdCardAppointment"));
        var request = Guid.NewGuid().ToString();

        // The API's entry came before the relay saw its stamp; the others not yet. A batch applied twice keeps each once.
        await trail.AppendAsync([sent with { Governorates = ["TN11"] }], Cancel);
        List<OutboxEvent> batch = [.. new[] { sent, late, lost }.Select(s => AuditStamp.EventOf(s, new("citizen-request", request, 3, "RequestStatusChanged", "{}", At)))];
        await ApplyAsync(dataSource, batch);
        await ApplyAsync(dataSource, batch);
        Assert.Equal(new[] { late.EntryId, lost.EntryId }.Order(), await PendingAsync(dataSource));

        // Before CompleteAfter nothing is appended; then the late entry comes from its API, and only the lost one is made.
        Assert.Equal(0, await reconciler.SettleAsync(Cancel));
        Assert.Equal(2, (await PendingAsync(dataSource)).Count);
        await trail.AppendAsync([late], Cancel);
        options.CompleteAfter = TimeSpan.Zero;
        Assert.Equal(1, await reconciler.SettleAsync(Cancel));
        Assert.Empty(await PendingAsync(dataSource));
        Assert.Equal(0, await reconciler.SettleAsync(Cancel));

        var chain = await trail.ReadChainAsync(0, 10, Cancel);
        Assert.Equal(
            [("payIdCardRequest", AuditRecord.Ok), ("cancelIdCardRequest", AuditRecord.Ok), ("bookIdCardAppointment", AuditRecord.Committed)],
            chain.Select(e => (e.Record.Operation, e.Record.Outcome)));
        var made = chain[2];
        Assert.Equal(lost.EntryId, made.Id);
        Assert.Equal([.. lost.ObjectIds, $"citizen-request:{request}"], made.Record.ObjectIds);
        Assert.Equal((lost.Subject, lost.At), (made.Record.Subject, made.Record.At));
        Assert.True((await AuditChainVerifier.VerifyAsync(trail, 10, Cancel)).Intact);
    }

    private static AuditRecord Stamp(string operation) =>
        new(At, "https://issuer.test", "cit-" + operation, "CITIZEN", AuditKind.Mutation, operation, ["Q2l0aXplblJlcXVlc3Q6MQ=="], [], "0123456789abcdef", AuditRecord.Ok)
        {
            EntryId = Guid.CreateVersion7(),
        };

    private static async Task ApplyAsync(NpgsqlDataSource dataSource, IReadOnlyList<OutboxEvent> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        await new AuditStampConsumer().ApplyAsync(batch, connection, transaction, Cancel);
        await transaction.CommitAsync(Cancel);
    }

    private static async Task<List<Guid>> PendingAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT entry_id FROM audit_stamps_pending ORDER BY entry_id");
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var pending = new List<Guid>();
        while (await reader.ReadAsync(Cancel))
        {
            pending.Add(reader.GetGuid(0));
        }

        return pending;
    }
}
