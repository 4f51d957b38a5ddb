using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;

namespace Actors.Bench;

/// <summary>
/// <c>--json</c> (issue 15, a lever named by the issue: source-generated JSON serialisation): what a transition's JSON costs
/// the silo with System.Text.Json's reflection metadata (what the hosts use) and with source-generated metadata
/// (<see cref="JsonRunContext"/>), for the payloads a transition writes and reads: its event (a request's snapshot, in
/// the outbox's shape), the request's state (in Orleans' storage shape) and the request index's document. One thread, no
/// host, no database: microseconds and bytes allocated per call, best of three rounds. Not part of <c>--all</c>.
/// </summary>
public static class JsonRun
{
    private const int Calls = 100_000;

    public static Task<int> RunAsync(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var invariant = CultureInfo.InvariantCulture;
        var storageShape = new JsonSerializerOptions();
        var state = JsonSerializer.Deserialize<CitizenRequestState>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "citizen-request.v1.json")), storageShape)
            ?? throw new InvalidOperationException("The sample state is empty.");
        state.Outbox = [];
        var view = new CitizenRequestView(state.Id, state.Reference, state.Kind, state.Status, state.SubmittedAt, state.UpdatedAt, state.CenterId,
            state.Governorate, state.OwnerSubject, state.Applicant, state.IdCardReason, null, null, null, null, null, null, null, null, state.Version, state.History);
        var changed = new RequestStatusChanged(RequestStatus.Submitted, RequestStatus.Verifying, RequestAction.StartVerification, null, "AGENT:bench", state.Version,
            state.UpdatedAt, view);

        // The outbox's options with the generated metadata first; the storage's with its own context.
        var outboxGenerated = new JsonSerializerOptions(OutboxJson.Options);
        outboxGenerated.TypeInfoResolverChain.Insert(0, JsonRunContext.Default);
        var storageGenerated = new JsonSerializerOptions(storageShape);
        storageGenerated.TypeInfoResolverChain.Insert(0, JsonRunContext.Default);

        var eventUtf8 = JsonSerializer.SerializeToUtf8Bytes(changed, OutboxJson.Options);
        var stateUtf8 = JsonSerializer.SerializeToUtf8Bytes(state, storageShape);
        var same = eventUtf8.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(changed, outboxGenerated))
            && stateUtf8.AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(state, storageGenerated));

        // What one transition does (--writes: a submission or a step, one event each): its event serialized once by
        // the grain, parsed once per relay lane that handles it (the read models', the grains'), the state serialized
        // once, the index's document once.
        var payloads = new (string Name, double PerTransition, Action Reflection, Action Generated)[]
        {
            ("event (RequestStatusChanged, " + eventUtf8.Length + " bytes): serialize", 1,
                () => JsonSerializer.SerializeToUtf8Bytes(changed, OutboxJson.Options), () => JsonSerializer.SerializeToUtf8Bytes(changed, outboxGenerated)),
            ("event: parse", 2,
                () => JsonSerializer.Deserialize<RequestStatusChanged>(eventUtf8, OutboxJson.Options), () => JsonSerializer.Deserialize<RequestStatusChanged>(eventUtf8, outboxGenerated)),
            ("state (CitizenRequestState, " + stateUtf8.Length + " bytes): serialize", 1,
                () => JsonSerializer.SerializeToUtf8Bytes(state, storageShape), () => JsonSerializer.SerializeToUtf8Bytes(state, storageGenerated)),
            ("state: parse (an activation's read)", 0,
                () => JsonSerializer.Deserialize<CitizenRequestState>(stateUtf8, storageShape), () => JsonSerializer.Deserialize<CitizenRequestState>(stateUtf8, storageGenerated)),
            ("index document (CitizenRequestView): serialize", 1,
                () => JsonSerializer.SerializeToUtf8Bytes(view, OutboxJson.Options), () => JsonSerializer.SerializeToUtf8Bytes(view, outboxGenerated)),
        };

        Console.WriteLine($"JSON of a transition (the source-generation lever): {Calls.ToString("N0", invariant)} calls a measure, best of 3 rounds, one thread");
        Console.WriteLine();
        Console.WriteLine("| payload | per transition | reflection: µs, bytes a call | generated: µs, bytes a call |");
        Console.WriteLine("|---|---|---|---|");
        var (reflectionTotal, generatedTotal) = (0.0, 0.0);
        foreach (var (name, perTransition, reflection, generated) in payloads)
        {
            var byReflection = Measure(reflection);
            var byGenerated = Measure(generated);
            reflectionTotal += perTransition * byReflection.Microseconds;
            generatedTotal += perTransition * byGenerated.Microseconds;
            Console.WriteLine(string.Create(invariant,
                $"| {name} | {perTransition} | {byReflection.Microseconds:F2}, {byReflection.Bytes:F0} | {byGenerated.Microseconds:F2}, {byGenerated.Bytes:F0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(invariant,
            $"JSON per transition: {reflectionTotal:F1} µs with reflection metadata, {generatedTotal:F1} µs generated ({reflectionTotal - generatedTotal:F1} µs saved); the same bytes written: {(same ? "yes" : "NO")}"));
        return Task.FromResult(same ? 0 : 1);
    }

    private static (double Microseconds, double Bytes) Measure(Action call)
    {
        var best = (Microseconds: double.MaxValue, Bytes: 0.0);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < Calls / 5; i++)
            {
                call();
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Calls; i++)
            {
                call();
            }

            var microseconds = clock.Elapsed.TotalMicroseconds / Calls;
            if (microseconds < best.Microseconds)
            {
                best = (microseconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Calls);
            }
        }

        return best;
    }
}
