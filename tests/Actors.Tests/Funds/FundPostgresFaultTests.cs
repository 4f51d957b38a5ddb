using Actors.ClientHosting.Postgres;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Events;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Identity;
using Actors.Contracts.Outbox;
using Actors.Contracts.ReadModels;
using Actors.Persistence.Outbox;
using Actors.SiloHosting;
using Actors.SiloHosting.Outbox;
using Actors.SiloHosting.Postgres;
using Actors.Tests.Infrastructure;
using Actors.Tests.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace Actors.Tests.Funds;

/// <summary>
/// The fund on PostgreSQL, as operators run it: grain state through the ADO.NET storage, the allocation index
/// fed by the outbox relay. Silos are killed (no graceful shutdown) after allocations were acknowledged; a new
/// cluster on the same database must find each of them exactly once, also when clients retry.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FundPostgresFaultTests(PostgresServer server)
{
    private const string ConnectionKey = "FundTests:Postgres";
    private const string ServiceId = "actors-fund-tests";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly Actor Proposer = new("fm-pg-1", ActorRole.FundManager);
    private static readonly Actor Approver = new("fm-pg-2", ActorRole.FundManager);

    [Fact]
    public async Task Allocations_acknowledged_before_the_silos_are_killed_are_there_exactly_once_and_the_books_still_balance()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var proposals = Enumerable.Range(0, 40)
            .Select(i => new AllocationProposal(i % 4 == 0 ? FundProgrammeCode.NewMunicipalities : FundProgrammeCode.Roads,
                i % 4 == 0 ? "PG-NEW-1" : "PG-OLD-1", 1_000_000 + i, $"pg {i}", $"pg-{i}"))
            .ToList();

        var before = await StartCluster(connectionString);
        List<Allocation> acknowledged;
        try
        {
            await before.GrainFactory.GetGrain<IMunicipalityRegistryGrain>(IMunicipalityRegistryGrain.Key).Import(Actor.System("tests"),
            [
                new MunicipalityImportRow(2, "PG-NEW-1", "بلدية جديدة", "Nouvelle commune", "KASSERINE", IsNew: true, IsDemo: false),
                new MunicipalityImportRow(3, "PG-OLD-1", "بلدية", "Commune", "SFAX", IsNew: false, IsDemo: false),
            ], "tests");
            var fund = before.GrainFactory.GetGrain<IFundGrain>(2026);
            var amendment = await fund.ProposeAmendment(Proposer, new AmendmentProposal(null, FundProgrammeCode.Markets, 3_000_000_000, "Programmation", "pg-amend"));
            await fund.DecideAmendment(Approver, new AmendmentDecision(amendment.Id, Approve: true, null));
            acknowledged = [.. await Task.WhenAll(proposals.Select(p => fund.Allocate(Proposer, p)))];
            await fund.Perform(Approver, new AllocationCommand(acknowledged[1].Id, AllocationAction.Approve, null));

            foreach (var silo in before.Silos.ToList())
            {
                await before.KillSiloAsync(silo, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            await before.DisposeAsync();
        }

        var after = await StartCluster(connectionString);
        try
        {
            var fund = after.GrainFactory.GetGrain<IFundGrain>(2026);
            var view = (await fund.Find())!;
            Assert.Equal(acknowledged.Count, view.AllocationCount);
            Assert.Equal(acknowledged.Select(a => a.Id).Order(), (await fund.GetAllocations(acknowledged.Select(a => a.Id).ToList())).Select(a => a.Id).Order());
            Assert.Equal(AllocationStatus.Approved, (await fund.FindAllocation(acknowledged[1].Id))!.Status);

            // Clients that never saw their answers retry with the same keys: the same allocations come back, none is added.
            var retried = await Task.WhenAll(proposals.Select(p => fund.Allocate(Proposer, p)));
            Assert.Equal(acknowledged.Select(a => a.Id), retried.Select(a => a.Id));
            Assert.Equal(acknowledged.Count, (await fund.Find())!.AllocationCount);

            // The books: the amendment held, and appropriation = programmed + unprogrammed.
            Assert.Equal(138_200_000_000, view.AppropriationMillimes);
            Assert.Equal(131_200_000_000, view.ProgrammedMillimes);
            Assert.Equal(7_000_000_000, view.UnprogrammedMillimes);
            Assert.Equal(view.AppropriationMillimes, view.ProgrammedMillimes + view.UnprogrammedMillimes);
            Assert.Equal(acknowledged.Sum(a => a.AmountMillimes), view.ReservedMillimes + view.AllocatedMillimes);

            // The PostgreSQL read model lists each of them exactly once, in its latest version.
            var index = ((InProcessSiloHandle)after.Silos[0]).ServiceProvider.GetRequiredService<IAllocationIndex>();
            var all = new KeysetQuery<AllocationFilter, AllocationOrder>(new AllocationFilter(2026), AllocationOrder.Default);
            await Eventually.Async(async () => (await index.QueryAsync(all, TestContext.Current.CancellationToken)).TotalCount == acknowledged.Count
                && (await index.QueryAsync(all with { Filter = new AllocationFilter(2026, Statuses: [AllocationStatus.Approved]) }, TestContext.Current.CancellationToken)).TotalCount == 1,
                Deadline, "every acknowledged allocation reaches the index");
            var listed = await index.QueryAsync(all, TestContext.Current.CancellationToken);
            Assert.Equal(acknowledged.Select(a => a.Id).Order(), listed.Items.Select(e => e.Id).Order());

            await using var database = NpgsqlDataSource.Create(connectionString);
            await using var count = database.CreateCommand(
                $"SELECT count(*), count(DISTINCT (aggregate_id, version)) FROM outbox WHERE type IN ({string.Join(", ", FundEvents.AllocationEventTypes.Select(t => $"'{t}'"))})");
            await using var reader = await count.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(acknowledged.Count + 1, reader.GetInt64(0));
            Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
        }
        finally
        {
            await after.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await after.DisposeAsync();
        }
    }

    private static async Task<TestCluster> StartCluster(string connectionString)
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.ClusterId = "fund-pg-" + Guid.NewGuid().ToString("N")[..8];
        builder.Options.ServiceId = ServiceId;
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionKey] = connectionString;
        builder.AddSiloBuilderConfigurator<FundPostgresSilo>();
        builder.AddClientBuilderConfigurator<FundPostgresClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class FundPostgresSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseActorsPostgres(siloBuilder.Configuration[ConnectionKey]!);
            // What AddActorsSilo will add in PostgreSQL mode: the grains publish live updates only, the relay feeds read models.
            siloBuilder.Services.AddSingleton<IOutboxPublisher, DurableOutboxPublisher>();
            siloBuilder.AddActorsLiveUpdates();
            siloBuilder.Services.Configure<OutboxRelayOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(50));
        }
    }

    private sealed class FundPostgresClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseActorsPostgresClustering(configuration[ConnectionKey]!);
    }
}
