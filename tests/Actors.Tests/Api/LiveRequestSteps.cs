using System.Text.Json.Nodes;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;
using Actors.Contracts.Naming;

namespace Actors.Tests.Api;

/// <summary>
/// Requests moved by hand for the live-update tests, over whichever GraphQL client the test has (the in-process host or a
/// cluster's API process): submissions by a citizen, steps by an agent of the center (the correction by the citizen).
/// </summary>
public sealed class LiveRequestSteps(Func<string, object, string, Task<JsonNode>> graphQL, string center, string citizen, string agent)
{
    /// <summary>The steps the tests take while subscribed, from VERIFYING, and the status each leads to.</summary>
    public static readonly IReadOnlyList<(string Mutation, string Status)> Measured =
    [
        ("requestCorrection", "NEEDS_CORRECTION"), ("submitCorrection", "VERIFYING"), ("confirmVerification", "AWAITING_PAYMENT"),
    ];

    /// <summary>The shared stream (partition) a request's changes travel on, from its global id.</summary>
    public static int Partition(string requestId) =>
        StreamNames.RequestStatusPartition(GlobalId.DecodeGuid(requestId, CitizenRequestType.TypeName));

    /// <summary>Submits requests until two of them fall in the same partition (at most partitions + 1: pigeonholes); both then in VERIFYING.</summary>
    public async Task<(string First, string Second)> TwoInOnePartitionAsync(string keyPrefix)
    {
        var seen = new Dictionary<int, string>();
        for (var i = 0; i <= StreamNames.RequestStatusPartitions; i++)
        {
            var submitted = await graphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(center, $"{keyPrefix}-{i}"), citizen);
            var id = submitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>();
            if (seen.TryGetValue(Partition(id), out var other))
            {
                await StepAsync("startVerification", other);
                await StepAsync("startVerification", id);
                return (other, id);
            }

            seen[Partition(id)] = id;
        }

        throw new InvalidOperationException("unreachable: more requests than partitions");
    }

    /// <summary>Takes one step (the agent's, or the citizen's correction) and returns the version it committed.</summary>
    public async Task<long> StepAsync(string mutation, string requestId)
    {
        var name = char.ToUpperInvariant(mutation[0]) + mutation[1..];
        var result = await graphQL($"mutation($in: {name}Input!) {{ {mutation}(input: $in) {{ request {{ version }} errors {{ ... on Error {{ code message }} }} }} }}",
            new { @in = new { requestId, reason = "test" } }, mutation == "submitCorrection" ? citizen : agent);
        Assert.True(result["data"]?[mutation]?["errors"] is null && result["errors"] is null, result.ToJsonString());
        return result["data"]![mutation]!["request"]!["version"]!.GetValue<long>();
    }

    /// <summary>
    /// graphql-transport-ws does not say when a subscription is in place: from VERIFYING, goes round the correction loop
    /// until the first change arrives, checks that it and every later probe step arrive in order, and leaves the request
    /// in VERIFYING with nothing pending on the listener.
    /// </summary>
    public async Task UntilLiveAsync(RequestStatusListener listener)
    {
        var taken = new List<(long Version, string Status)>();
        (string Status, long Version)? first = null;
        for (var probe = 0; probe < 30 && first is null; probe++)
        {
            var (mutation, status) = Measured[probe % 2];
            taken.Add((await StepAsync(mutation, listener.RequestId), status));
            var message = await listener.NextAsync(TimeSpan.FromSeconds(2));
            if (message is not null)
            {
                Assert.Equal("next", message["type"]?.GetValue<string>());
                var change = message["payload"]!["data"]!["requestStatusChanged"]!;
                first = (change["status"]!.GetValue<string>(), change["version"]!.GetValue<long>());
            }
        }

        Assert.True(first is not null, "the subscription delivered nothing in 30 steps");
        Assert.Contains((first.Value.Version, first.Value.Status), taken);
        if (taken[^1].Status != "VERIFYING")
        {
            taken.Add((await StepAsync(Measured[1].Mutation, listener.RequestId), Measured[1].Status));
        }

        foreach (var (version, status) in taken.Where(t => t.Version > first.Value.Version))
        {
            Assert.Equal((status, version), await listener.NextChangeAsync(TimeSpan.FromSeconds(30)));
        }
    }
}
