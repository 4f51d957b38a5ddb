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
/// campaign) submitted and taken one step (VERIFYING) through the grains, so each holds realistic state. The silo's
/// collection age (<c>--collection-age</c>, 60 minutes) outlasts the activation, so every request is still active when
/// memory is read (after a full compacting collection): right after the activation, then once the request clocks (a
/// two-minute age of their own) have gone — deactivated by the run once the outbox relay has caught up, rather than
/// waited for — then after the management grain deactivated every idle grain. Each
/// reading comes with the activations per grain type. <c>--gcdump PATH</c> also writes the heap with the requests active.
/// </summary>
public static class MemoryRun
{
    private static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(10);

    /// <summary>How long the run waits for the outbox relay to catch up, and then for the clocks to go.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var invariant = CultureInfo.InvariantCulture;
        var count = options.Grains ?? 100_000;
        var collectionAge = TimeSpan.FromMinutes(options.CollectionAgeMinutes);
        Console.WriteLine($"Memory benchmark: {count} request grains, {options.Clients} at once, collection age {collectionAge.TotalMinutes} min");
        await using var server = await ThrowawayPostgres.StartAsync(durable: false, maxConnections: 200, sharedBuffers: "128MB");
        await server.ExecuteAdminAsync("CREATE DATABASE actors");
        var connection = server.ConnectionFor("actors", maxPoolSize: 50);
        await Actors.Persistence.Migrations.MigrationRunner.ApplyAsync(connection, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        // Added last, so the run's settings win over the environment's: the collection age is the bench's setting.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connection,
            ["Pathway:Automatic"] = "false",
            ["Orleans:SiloPort"] = LoopbackPort.PickFree().ToString(invariant),
            ["Orleans:GatewayPort"] = LoopbackPort.PickFree().ToString(invariant),
            ["Orleans:ClusterId"] = "memory-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:GrainCollection:CollectionAge"] = collectionAge.ToString("c", invariant),
            ["Orleans:GrainCollection:CollectionQuantum"] = CollectionQuantum.ToString("c", invariant),
        });
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
            await Task.Delay(TimeSpan.FromSeconds(2));
            var before = ScaleMemory.Measure();
            var activeBefore = await ActivationsAsync(grains);

            // The plan lives only in the helper: held here, its own objects (some 370 bytes a request) would be counted.
            var clock = Stopwatch.StartNew();
            var plannedCount = await ActivatePlannedAsync(grains, requests.Skip(warmup.Count).Take(count), options.Clients);
            var seconds = clock.Elapsed.TotalSeconds;
            // The outbox relay wakes each request's clock after the commit: its backlog drains before the reading.
            await Task.Delay(TimeSpan.FromSeconds(5));
            var after = ScaleMemory.Measure();
            var activeAfter = await ActivationsAsync(grains);

            // Clocks go while the requests stay. Their own collection age (two minutes) would take each one two minutes
            // after the outbox relay's last wake; the run deactivates them at once instead, once the relay has caught up
            // (so that no wake brings one back): what the age does, without the wait.
            var settling = Stopwatch.StartNew();
            await RelayCaughtUpAsync(connection, SettleLimit);
            await GrainDeactivation.RequestAsync(grains, typeof(Actors.Grains.Clocks.RequestClockGrain), options.Clients);
            var activeSettled = await ActivationsAsync(grains);
            while (activeSettled.Clocks > activeSettled.Requests / 100 && settling.Elapsed < SettleLimit)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                activeSettled = await ActivationsAsync(grains);
            }

            var settled = ScaleMemory.Measure();
            activeSettled = await ActivationsAsync(grains);
            if (options.GcDump is { } dumpPath)
            {
                await GcDumpAsync(dumpPath);
            }

            // Every idle grain deactivated at once, as the collection age would after its time: what stays is the silo's own.
            var idle = Stopwatch.StartNew();
            await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1));
            var activeIdle = await ActivationsAsync(grains);
            while (activeIdle.Requests > activeBefore.Requests / 10 && idle.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                activeIdle = await ActivationsAsync(grains);
            }

            var collected = ScaleMemory.Measure();
            var added = activeAfter.Requests - activeBefore.Requests;
            var addedSettled = activeSettled.Requests - activeBefore.Requests;
            Row("machine", Machine.Describe());
            Row("GC", $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {Environment.GetEnvironmentVariable("DOTNET_gcConcurrent") ?? "default"}");
            Row($"activation of {plannedCount} requests (submit + startVerification, {options.Clients} at once)",
                $"{seconds.ToString("F0", invariant)} s ({(plannedCount / seconds).ToString("F0", invariant)} requests/s), collection age {collectionAge.TotalSeconds.ToString("F0", invariant)} s"
                + (seconds >= collectionAge.TotalSeconds ? " — **longer than the collection age: the figures below are not valid**" : ""));
            Row("before (after warm-up)", $"{before.Describe()}; activations: {activeBefore.Describe()}");
            Row("after activation (+5 s)", $"{after.Describe()}; activations: {activeAfter.Describe()}");
            Row("per active request right after activation: resident / managed",
                $"{KiB(after.ResidentBytes - before.ResidentBytes, added)} / {KiB(after.ManagedBytes - before.ManagedBytes, added)} KB");
            Row($"settled ({settling.Elapsed.TotalSeconds.ToString("F0", invariant)} s later: clocks gone)", $"{settled.Describe()}; activations: {activeSettled.Describe()}");
            Row("per active request, settled: resident / managed (target ≤ 10 KB)",
                $"**{KiB(settled.ResidentBytes - before.ResidentBytes, addedSettled)}** / {KiB(settled.ManagedBytes - before.ManagedBytes, addedSettled)} KB");
            Row("whole process with them (target < 1 GiB)", $"{(settled.ResidentBytes / 1048576.0).ToString("F0", invariant)} MiB");
            Row($"after deactivating idle grains ({idle.Elapsed.TotalSeconds.ToString("F0", invariant)} s)", $"{collected.Describe()}; activations: {activeIdle.Describe()}");
            if (addedSettled > 0)
            {
                TargetSummary.AtMost($"memory: resident KB per active request ({addedSettled} requests)", (settled.ResidentBytes - before.ResidentBytes) / 1024.0 / addedSettled, 10);
            }

            TargetSummary.AtMost("memory: resident MiB of the silo with them", settled.ResidentBytes / 1048576.0, 1024);
            Console.WriteLine();
            Console.WriteLine(report.ToString());
            Console.WriteLine("Activations per grain type: before / after activation / settled / after deactivation");
            foreach (var type in activeAfter.PerType.Keys.Union(activeBefore.PerType.Keys).OrderByDescending(activeAfter.Of).Take(15))
            {
                Console.WriteLine(string.Create(invariant,
                    $"  {type}: {activeBefore.Of(type)} / {activeAfter.Of(type)} / {activeSettled.Of(type)} / {activeIdle.Of(type)}"));
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }

        return 0;
    }

    /// <summary>This process's heap by type (dotnet-gcdump, a global tool: <c>dotnet tool install -g dotnet-gcdump</c>), and its report.</summary>
    private static async Task GcDumpAsync(string path)
    {
        async Task<string> Tool(string arguments)
        {
            var start = new ProcessStartInfo("dotnet-gcdump", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var tool = Process.Start(start) ?? throw new InvalidOperationException("dotnet-gcdump did not start.");
            var output = tool.StandardOutput.ReadToEndAsync();
            var errors = tool.StandardError.ReadToEndAsync();
            await tool.WaitForExitAsync();
            return await output + await errors;
        }

        try
        {
            Console.WriteLine(await Tool($"collect -p {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} -o {path}"));
            Console.WriteLine(string.Join('\n', (await Tool($"report {path}")).Split('\n').Take(45)));
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            Console.WriteLine($"No gcdump: {missing.Message} (dotnet tool install -g dotnet-gcdump, and ~/.dotnet/tools on the PATH).");
        }
    }

    private static string KiB(long bytes, long grains) =>
        grains <= 0 ? "n/a" : (bytes / 1024.0 / grains).ToString("F1", CultureInfo.InvariantCulture);

    private static async Task<int> ActivatePlannedAsync(IGrainFactory grains, IEnumerable<PlannedRequest> requests, int parallel)
    {
        var planned = requests.ToList();
        await ActivateAsync(grains, planned, parallel);
        return planned.Count;
    }

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

    /// <summary>Waits until every outbox consumer has applied every event written so far (or the limit has passed).</summary>
    private static async Task RelayCaughtUpAsync(string connection, TimeSpan limit)
    {
        await using var database = Npgsql.NpgsqlDataSource.Create(connection);
        await using var behind = database.CreateCommand(
            "SELECT count(*) FROM outbox_checkpoint c WHERE EXISTS (SELECT 1 FROM outbox o WHERE (o.tx_id, o.seq) > (c.last_tx, c.last_seq))");
        var waited = Stopwatch.StartNew();
        while ((long)(await behind.ExecuteScalarAsync())! > 0 && waited.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task<ScaleActivations> ActivationsAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return ScaleActivations.Of(statistics);
    }
}
