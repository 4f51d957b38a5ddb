using System.Diagnostics;
using System.Globalization;
using System.Text;
using Actors.Contracts.Centers;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Demo;
using Actors.Persistence.Storage;
using Actors.SiloHosting;
using Actors.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Actors.Bench;

/// <summary>
/// <c>--memory</c> (issue 15, target 5): resident memory per active request grain. A silo in this process with the silo's
/// own configuration on a throwaway PostgreSQL (storage, outbox and read models as in production), the demo's centers
/// opened. A warm-up's requests of the demo plan (the citizens' real applications, pupils left out: they need a
/// campaign) are submitted and taken one step (VERIFYING) through the grains. Then <c>--grains N</c> requests are
/// activated: by default as a citizen or an agent opening them does, by a read, each of a stored state that the warm-up's
/// grains wrote (their rows copied under N new request keys, the id inside replaced: see
/// <see cref="CopyStatesAsync"/>); with <c>--by-steps</c>, each submitted and taken one step through the grains like the
/// warm-up (200,000 persisted transitions at N = 100,000: some 200 s of this machine, against about 30 s by reads).
/// The silo's collection age (<c>--collection-age</c>, 60 minutes) outlasts the activation, so every request is still
/// active when memory is read (after a full compacting collection): right after the activation, then once the request
/// clocks (a two-minute age of their own; only steps wake them) have gone — deactivated by the run once the outbox relay
/// has caught up, rather than waited for — then after the management grain deactivated every idle grain. Each reading
/// comes with the activations per grain type. <c>--gcdump PATH</c> also writes the heap with the requests active.
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
            // Their stored states are what the copies start from; the read path is warmed on copies of its own.
            var warmup = requests.Take(Math.Min(2_000, count / 10)).ToList();
            await ActivateAsync(grains, warmup, options.Clients);
            var serviceId = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
            var copied = 0.0;
            if (!options.MemoryBySteps)
            {
                var copying = Stopwatch.StartNew();
                await CopyStatesAsync(grains, connection, serviceId, warmup, CopiesWarmingUp + count);
                copied = copying.Elapsed.TotalSeconds;
                await ReadCopiesAsync(grains, 0, CopiesWarmingUp, options.Clients);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var before = ScaleMemory.Measure();
            var activeBefore = await ActivationsAsync(grains);

            // The plan lives only in the helper: held here, its own objects (some 370 bytes a request) would be counted.
            // The copies' keys are derived from their number, so nothing of them is held either.
            var clock = Stopwatch.StartNew();
            var plannedCount = options.MemoryBySteps
                ? await ActivatePlannedAsync(grains, requests.Skip(warmup.Count).Take(count), options.Clients)
                : await ReadCopiesAsync(grains, CopiesWarmingUp, count, options.Clients);
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
            Row(options.MemoryBySteps
                    ? $"activation of {plannedCount} requests (submit + startVerification, {options.Clients} at once)"
                    : $"activation of {plannedCount} requests (a read of each: states copied from {warmup.Count} requests taken through submit + startVerification in {copied.ToString("F1", invariant)} s; {options.Clients} at once)",
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
                TargetSummary.AtMost($"memory: resident KB per active request ({addedSettled} requests, activated {(options.MemoryBySteps ? "by steps" : "by reads")})", (settled.ResidentBytes - before.ResidentBytes) / 1024.0 / addedSettled, 10);
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

    /// <summary>Copies read before the baseline, so that the measured reads run on jitted code and warm pools.</summary>
    private const int CopiesWarmingUp = 2_000;

    private const int CopiesPerStatement = 5_000;

    // The copies' stored events are not new events: the trigger that copies a state's events to the outbox is off while
    // they are written (the table's owner may, in one transaction), so no consumer sees them.
    private const string CopyStatesSql = """
        INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version, modified_at)
        SELECT s.service_id, s.grain_type, c.n0, c.n1, '',
               convert_to(replace(convert_from(s.payload, 'UTF8'), c.source_id, c.id), 'UTF8'), s.version, s.modified_at
        FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::text[])
               AS c(n0, n1, id, source_n0, source_n1, source_id)
        JOIN orleans_storage AS s
          ON s.service_id = $7 AND s.grain_type = $8 AND s.grain_id_n0 = c.source_n0 AND s.grain_id_n1 = c.source_n1
             AND s.grain_id_extension = ''
        """;

    /// <summary>
    /// The key of copy <paramref name="number"/>: derived as a citizen's submission is (<see cref="RequestKeys"/>), from
    /// the number alone, so the copies are written and then read without holding a list of them.
    /// </summary>
    private static Guid CopyId(int number) =>
        RequestKeys.For("memory-bench", number.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Writes <paramref name="copies"/> request states: copy i is the stored state of source i mod n, the request id
    /// inside it (its own, and its events') replaced by the copy's, under the copy's key. Each copy is thus a state that
    /// the grains wrote, as a silo that has served for a while finds its requests in storage.
    /// </summary>
    private static async Task CopyStatesAsync(IGrainFactory grains, string connection, string serviceId, IReadOnlyList<PlannedRequest> sources, int copies)
    {
        var sourceKeys = sources.Select(r => (Key: StorageKeyOf(grains, r.Id), Id: r.Id.ToString("D"))).ToList();
        await using var database = Npgsql.NpgsqlDataSource.Create(connection);
        await using var session = await database.OpenConnectionAsync();
        await using var transaction = await session.BeginTransactionAsync();
        await using (var off = new Npgsql.NpgsqlCommand("ALTER TABLE orleans_storage DISABLE TRIGGER orleans_storage_outbox", session, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        var written = 0L;
        for (var first = 0; first < copies; first += CopiesPerStatement)
        {
            var numbers = Enumerable.Range(first, Math.Min(CopiesPerStatement, copies - first)).ToList();
            var ids = numbers.Select(CopyId).ToArray();
            var keys = ids.Select(id => StorageKeyOf(grains, id)).ToArray();
            var from = numbers.Select(n => sourceKeys[n % sourceKeys.Count]).ToArray();
            await using var copy = new Npgsql.NpgsqlCommand(CopyStatesSql, session, transaction);
            copy.Parameters.Add(new Npgsql.NpgsqlParameter<long[]> { TypedValue = keys.Select(k => k.N0).ToArray() });
            copy.Parameters.Add(new Npgsql.NpgsqlParameter<long[]> { TypedValue = keys.Select(k => k.N1).ToArray() });
            copy.Parameters.Add(new Npgsql.NpgsqlParameter<string[]> { TypedValue = ids.Select(id => id.ToString("D")).ToArray() });
            copy.Parameters.Add(new Npgsql.NpgsqlParameter<long[]> { TypedValue = from.Select(f => f.Key.N0).ToArray() });
            copy.Parameters.Add(new Npgsql.NpgsqlParameter<long[]> { TypedValue = from.Select(f => f.Key.N1).ToArray() });
            copy.Parameters.Add(new Npgsql.NpgsqlParameter<string[]> { TypedValue = from.Select(f => f.Id).ToArray() });
            copy.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = serviceId });
            copy.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = StorageNames.CitizenRequestState });
            written += await copy.ExecuteNonQueryAsync();
        }

        await using (var on = new Npgsql.NpgsqlCommand("ALTER TABLE orleans_storage ENABLE TRIGGER orleans_storage_outbox", session, transaction))
        {
            await on.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        if (written != copies)
        {
            throw new InvalidOperationException($"{written} request states copied, {copies} wanted: a source request has no stored state.");
        }

        await using var analyze = database.CreateCommand("ANALYZE orleans_storage");
        await analyze.ExecuteNonQueryAsync();
    }

    private static GrainStorageKey StorageKeyOf(IGrainFactory grains, Guid requestId) =>
        GrainStorageKey.Of(grains.GetGrain<ICitizenRequestGrain>(requestId).GetGrainId());

    /// <summary>
    /// Reads copies <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 once each, as the
    /// system (in scope of every request): each activation loads its state from PostgreSQL. A copy that does not come
    /// back as the request of its key stops the run.
    /// </summary>
    private static async Task<int> ReadCopiesAsync(IGrainFactory grains, int first, int count, int parallel)
    {
        await EachAsync(first, first + count, parallel, async n =>
        {
            var id = CopyId(n);
            var found = await grains.GetGrain<ICitizenRequestGrain>(id).Find(DemoActors.System);
            if (found?.Id != id)
            {
                throw new InvalidOperationException($"Copy {n} ({id}) read back as {found?.Id.ToString() ?? "nothing"}.");
            }
        });
        return count;
    }

    /// <summary>Runs <paramref name="work"/> for each number from <paramref name="first"/> up to <paramref name="end"/> (excluded), <paramref name="parallel"/> at once.</summary>
    private static Task EachAsync(int first, int end, int parallel, Func<int, Task> work)
    {
        var next = first - 1;
        return Task.WhenAll(Enumerable.Range(0, parallel).Select(worker => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < end; n = Interlocked.Increment(ref next))
            {
                await work(n);
            }
        })));
    }

    private static string KiB(long bytes, long grains) =>
        grains <= 0 ? "n/a" : (bytes / 1024.0 / grains).ToString("F1", CultureInfo.InvariantCulture);

    private static async Task<int> ActivatePlannedAsync(IGrainFactory grains, IEnumerable<PlannedRequest> requests, int parallel)
    {
        var planned = requests.ToList();
        await ActivateAsync(grains, planned, parallel);
        return planned.Count;
    }

    private static Task ActivateAsync(IGrainFactory grains, IReadOnlyList<PlannedRequest> requests, int parallel) =>
        EachAsync(0, requests.Count, parallel, async i =>
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
        });

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
