using Actors.ClientHosting.Postgres;
using Actors.Contracts.Centers;
using Actors.Contracts.Identity;
using Actors.Contracts.Outbox;
using Actors.Contracts.Scheduling;
using Actors.Grains.Scheduling;
using Actors.Persistence.Outbox;
using Actors.SiloHosting;
using Actors.SiloHosting.Outbox;
using Actors.SiloHosting.Postgres;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace Actors.Tests.Scheduling;

/// <summary>
/// Calendars are stored as JSON in PostgreSQL: a center's calendar and the national calendar read back whole after
/// the whole cluster stopped and started again, and their events landed in the outbox.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CalendarRestartTests(PostgresServer server)
{
    private const string ConnectionKey = "CalendarTests:Postgres";

    private static readonly Actor Operator = new("op-restart", ActorRole.Operator);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_calendar_and_the_national_calendar_survive_a_whole_cluster_restart()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var clusterId = "calendar-" + Guid.NewGuid().ToString("N")[..8];
        const string code = "TN11-CAL";

        var before = await StartCluster(connectionString, clusterId);
        var center = before.GrainFactory.GetGrain<IServiceCenterGrain>(code);
        await center.Register(Operator, new ServiceCenterProfile(code, "مكتب", "Bureau", "TUNIS", "District", CenterKind.OneStopShop, [CenterService.NationalIdCard], 50, IsDemo: true));
        await center.SetDesks(Operator, [new(ServiceCategory.Administrative, CalendarWeek.Desks)], [new(CenterService.NationalIdCard, CalendarWeek.SlotMinutes)]);
        var closure = await center.AddClosure(Operator, CalendarWeek.Closure(2027), CalendarWeek.Closure(2027), "Travaux de câblage");
        var national = before.GrainFactory.GetGrain<INationalCalendarGrain>(0);
        await national.AddHoliday(Operator, new PublicHoliday(CalendarWeek.Eid(2027), "عيد الفطر", "Aïd el-Fitr"));
        var ramadan = await national.AddSpecialPeriod(Operator, "Ramadan 2027", CalendarWeek.RamadanFrom(2027), CalendarWeek.RamadanTo(2027), CalendarWeek.RamadanHours);
        await before.StopAllSilosAsync(Cancel);
        await before.DisposeAsync();

        var after = await StartCluster(connectionString, clusterId);
        try
        {
            var (calendar, holidays) = (await CenterCalendarReader.Read(after.GrainFactory, code))!.Value;
            Assert.Equal(closure, Assert.Single(calendar.Closures));
            Assert.Equal(ramadan.Id, Assert.Single(calendar.SpecialPeriods).Id);
            Assert.True(StoredCalendars.SameHours(WeeklyHours.Standard, calendar.Hours));
            var slots = SlotPlanner.Plan(code, calendar, holidays, CenterService.NationalIdCard, CalendarWeek.Monday(2027), CalendarWeek.Monday(2027).AddDays(6));
            Assert.Equal(SlotGenerationTests.Expected2027, CalendarWeek.Describe(slots));

            // Still maintained after the restart: the versions go on.
            var view = await after.GrainFactory.GetGrain<IServiceCenterGrain>(code).RemoveClosure(Operator, closure.Id);
            Assert.Equal(4, view.Version);

            await using var database = NpgsqlDataSource.Create(connectionString);
            await using var command = database.CreateCommand(
                $"SELECT aggregate_type || '/' || aggregate_id || '/' || version || '/' || type FROM outbox WHERE type IN ('CenterCalendarChanged', 'NationalCalendarChanged') ORDER BY aggregate_type, version");
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            var rows = new List<string>();
            while (await reader.ReadAsync(Cancel))
            {
                rows.Add(reader.GetString(0));
            }

            Assert.Equal(
            [
                $"{AggregateTypes.NationalCalendar}/0/1/NationalCalendarChanged", $"{AggregateTypes.NationalCalendar}/0/2/NationalCalendarChanged",
                $"{AggregateTypes.ServiceCenter}/{code}/2/CenterCalendarChanged", $"{AggregateTypes.ServiceCenter}/{code}/3/CenterCalendarChanged",
                $"{AggregateTypes.ServiceCenter}/{code}/4/CenterCalendarChanged",
            ], rows);
        }
        finally
        {
            await after.StopAllSilosAsync(Cancel);
            await after.DisposeAsync();
        }
    }

    private static async Task<TestCluster> StartCluster(string connectionString, string clusterId)
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ClusterId = clusterId;
        builder.Options.ServiceId = "calendar-tests";
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionKey] = connectionString;
        builder.AddSiloBuilderConfigurator<CalendarSilo>();
        builder.AddClientBuilderConfigurator<CalendarClient>();
        var cluster = builder.Build();
        await cluster.DeployAsync(Cancel);
        return cluster;
    }

    private sealed class CalendarSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseActorsPostgres(siloBuilder.Configuration[ConnectionKey]!);
            siloBuilder.Services.AddSingleton<IOutboxPublisher, DurableOutboxPublisher>();
            siloBuilder.AddActorsLiveUpdates();
            siloBuilder.Services.Configure<OutboxRelayOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(50));
        }
    }

    private sealed class CalendarClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseActorsPostgresClustering(configuration[ConnectionKey]!);
    }
}
