using System.Diagnostics;
using System.Globalization;
using System.Text;
using Actors.Contracts.Centers;
using Actors.Contracts.Requests;
using Actors.Demo;
using Actors.SiloHosting;
using Actors.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Bench;

/// <summary>
/// <c>--memory</c> (issue 15, target 5): resident memory per active request grain. A silo in this process with the silo's
/// own configuration on a throwaway PostgreSQL (storage, outbox and read models as in production), the demo's centers
/// opened; <c>--grains N</c> requests of the demo plan (the citizens' real applications, pupils left out: they need a
/// campaign) submitted and taken one step (VERIFYING) through the grains, so each holds realistic state. Memory is read
/// after a full compacting collection before and after, then again once idle grains have been deactivated by the
/// configured collection age (Orleans:GrainCollection, shortened here so the run waits seconds, not Orleans' 15 minutes).
/// </summary>
public static class MemoryRun
{
    /// <summary>
    /// Shortened so the run waits minutes, not Orleans' 15; it must outlast the activation phase, or grains activated first
    /// are collected before the reading (a slow machine: set Orleans__GrainCollection__CollectionAge in the environment).
    /// </summary>
    private static readonly TimeSpan DefaultCollectionAge = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var invariant = CultureInfo.InvariantCulture;
        var count = options.Grains ?? 100_000;
        Console.WriteLine($"Memory benchmark: {count} request grains, {options.Clients} at once");
        await using var server = await ThrowawayPostgres.StartAsync(durable: false, maxConnections: 200, sharedBuffers: "128MB");
        await server.ExecuteAdminAsync("CREATE DATABASE actors");
        var connection = server.ConnectionFor("actors", maxPoolSize: 50);
        await Actors.Persistence.Migrations.MigrationRunner.ApplyAsync(connection, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connection,
            ["Pathway:Automatic"] = "false",
            ["Orleans:SiloPort"] = LoopbackPort.PickFree().ToString(invariant),
            ["Orleans:GatewayPort"] = LoopbackPort.PickFree().ToString(invariant),
            ["Orleans:ClusterId"] = "memory-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:GrainCollection:CollectionAge"] = DefaultCollectionAge.ToString("c", invariant),
            ["Orleans:GrainCollection:CollectionQuantum"] = CollectionQuantum.ToString("c", invariant),
        });
        // The environment still wins (Orleans__GrainCollection__CollectionAge=00:10:00).
        builder.Configuration.AddEnvironmentVariables();
        var collectionAge = builder.Configuration.GetValue<TimeSpan>("Orleans:GrainCollection:CollectionAge");
        builder.UseOrleans(silo => silo.AddActorsSilo(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        var report = new StringBuilder();
        void Row(string what, string value) => report.AppendLine(invariant, $"| {what} | {value} |");
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await OpenCentersAsync(grains);
            var plan = new DemoPlan(42, int.MaxValue, DateOnly.FromDateTime(DateTime.UtcNow), 60);
            var requests = plan.All().Where(r => !r.IsPupil);

            // Warm-up on requests of their own: code paths jitted, pools and the outbox relay running, before the baseline.
            var warmup = requests.Take(Math.Min(2_000, count / 10)).ToList();
            await ActivateAsync(grains, warmup, options.Clients);
            var planned = requests.Skip(warmup.Count).Take(count).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2));
            var before = ScaleMemory.Measure();
            var activeBefore = await ActivationsAsync(grains);

            var clock = Stopwatch.StartNew();
            await ActivateAsync(grains, planned, options.Clients);
            var seconds = clock.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(2));
            var after = ScaleMemory.Measure();
            var activeAfter = await ActivationsAsync(grains);

            // Idle: nothing calls the grains; they go once older than the collection age (checked every quantum).
            var idle = Stopwatch.StartNew();
            var activeIdle = activeAfter;
            while (idle.Elapsed < collectionAge + CollectionQuantum * 6)
            {
                await Task.Delay(CollectionQuantum);
                activeIdle = await ActivationsAsync(grains);
                if (activeIdle.Requests <= activeBefore.Requests / 10)
                {
                    break;
                }
            }

            var deactivatedIn = idle.Elapsed.TotalSeconds;
            var collected = ScaleMemory.Measure();
            var added = activeAfter.Requests - activeBefore.Requests;
            Row("machine", Machine.Describe());
            Row("GC", $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {Environment.GetEnvironmentVariable("DOTNET_gcConcurrent") ?? "default"}");
            Row($"activation of {planned.Count} requests (submit + startVerification, {options.Clients} at once)",
                $"{seconds.ToString("F0", invariant)} s ({(planned.Count / seconds).ToString("F0", invariant)} requests/s)");
            Row("before (after warm-up)", $"{before.Describe()}; activations: {activeBefore.Describe()}");
            Row("after activation", $"{after.Describe()}; activations: {activeAfter.Describe()}");
            if (added > 0)
            {
                TargetSummary.AtMost($"memory: resident KB per active request ({added} requests)", (after.ResidentBytes - before.ResidentBytes) / 1024.0 / added, 10);
            }

            TargetSummary.AtMost("memory: resident MiB of the silo with them", after.ResidentBytes / 1048576.0, 1024);
            Row("per active request: resident / managed (target ≤ 10 KB)",
                $"**{KiB(after.ResidentBytes - before.ResidentBytes, added)}** / {KiB(after.ManagedBytes - before.ManagedBytes, added)} KB");
            Row("whole process with them (target < 1 GiB)", $"{(after.ResidentBytes / 1048576.0).ToString("F0", invariant)} MiB");
            Row($"after {deactivatedIn.ToString("F0", invariant)} s idle (collection age {collectionAge.TotalSeconds} s, quantum {CollectionQuantum.TotalSeconds} s)",
                $"{collected.Describe()}; activations: {activeIdle.Describe()}");
            Console.WriteLine();
            Console.WriteLine(report.ToString());
            Console.WriteLine("Activations by grain type after activation: " + activeAfter.ByType);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }

        return 0;
    }

    private static string KiB(long bytes, long grains) =>
        grains <= 0 ? "n/a" : (bytes / 1024.0 / grains).ToString("F1", CultureInfo.InvariantCulture);

    private static async Task ActivateAsync(IGrainFactory grains, IReadOnlyList<PlannedRequest> requests, int parallel)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(worker => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Count; i = Interlocked.Increment(ref next))
            {
                var request = requests[i];
                var grain = grains.GetGrain<ICitizenRequestGrain>(request.Id);
                var applicant = DemoPeople.Applicant(request);
                _ = request.Kind == RequestKind.NationalIdCard
                    ? await grain.SubmitIdCard(DemoActors.Owner(request), new IdCardApplication(
                        IdCardReason.Renewal, applicant, request.CenterId, null, null, DemoPeople.Contact(request), request.IdempotencyKey))
                    : await grain.SubmitCriminalRecord(DemoActors.Owner(request), new CriminalRecordApplication(
                        applicant, request.CenterId, "Employment", DemoPeople.Contact(request), request.IdempotencyKey));
                await grain.Perform(DemoActors.Agent(request), new RequestCommand(RequestAction.StartVerification, Reason: "memory bench",
                    IdempotencyKey: request.IdempotencyKey + "-verify"));
            }
        })));
    }

    private static async Task OpenCentersAsync(IGrainFactory grains)
    {
        foreach (var governorate in DemoPlaces.Governorates)
        {
            var profile = DemoPlaces.CenterProfile(governorate);
            var center = grains.GetGrain<IServiceCenterGrain>(profile.Code);
            await center.Register(DemoActors.System, profile);
            await center.UpdateReadiness(DemoActors.System, new CenterReadiness(true, 8, 8, 8, 8, 10));
            await center.ChangePhase(DemoActors.System, RolloutPhase.Live, "memory bench");
        }
    }

    private static async Task<ScaleActivations> ActivationsAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return ScaleActivations.Of(statistics);
    }
}
