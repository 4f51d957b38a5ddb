using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;
using Actors.Tests.Pathway;

namespace Actors.Tests.Api;

/// <summary>
/// When the cluster does not answer (a silo lost, a call with no response in time) a client gets SERVICE_UNAVAILABLE with
/// when to try again, and trying again with the same keys does the change once; a bug stays an internal error whose
/// code and message say nothing of the exception.
/// </summary>
public sealed class ClusterUnavailableApiTests(ClusterFaultApiFactory host) : IClassFixture<ClusterFaultApiFactory>
{
    private readonly PathwayApi api = new(host);

    [Fact]
    public async Task A_read_from_a_lost_silo_is_SERVICE_UNAVAILABLE_and_the_next_read_answers()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "01234567");
        var id = (await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("lost"), "01234567")))["id"]!.GetValue<string>();

        JsonNode refused;
        using (host.Faults.Arm("Find", () => new SiloUnavailableException("The target silo became unavailable for message: Request [S127.0.0.1:11111:1 citizenrequest/x]")))
        {
            refused = await host.GraphQL("query($id: ID!) { request(id: $id) { id status } }", new { id }, citizen);
        }

        Assert.Null(refused["data"]!["request"]);
        var error = refused["errors"]![0]!;
        Assert.Equal("SERVICE_UNAVAILABLE", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(1, error["extensions"]!["retryAfterSeconds"]!.GetValue<int>());
        Assert.Contains("Send the same operation again", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("silo", error["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(id, (await api.Read(id, citizen))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_submission_whose_answer_was_lost_is_done_once_when_sent_again_with_its_key()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "01234567");
        var input = PathwayApi.AdultCardInput(PathwayApi.Key("timeout"), "01234567");

        // The grain took the submission; its answer never came back (Orleans' response timeout).
        JsonNode refused;
        using (host.Faults.Arm("SubmitIdCard", () => new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request ..."), afterTheCall: true))
        {
            refused = await host.GraphQL(
                "mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) { request { id } errors { __typename } } }",
                new { @in = input }, citizen);
        }

        Assert.Equal("SERVICE_UNAVAILABLE", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        var first = await api.Mutate("submitIdCardRequest", citizen, input);
        var again = await api.Mutate("submitIdCardRequest", citizen, input);
        Assert.Equal(first["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        Assert.Equal(1, first["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_bug_is_an_internal_error_that_names_no_exception()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "01234567");
        var id = (await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("bug"), "01234567")))["id"]!.GetValue<string>();

        JsonNode failed;
        using (host.Faults.Arm("Find", () => new InvalidOperationException("Sequence contains no elements (secret detail)")))
        {
            failed = await host.GraphQL("query($id: ID!) { request(id: $id) { id } }", new { id }, citizen);
        }

        var error = failed["errors"]![0]!;
        Assert.Equal("INTERNAL_SERVER_ERROR", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Internal error. It has been logged.", error["message"]!.GetValue<string>());
        Assert.DoesNotContain("secret", failed.ToJsonString(), StringComparison.Ordinal);
    }
}
