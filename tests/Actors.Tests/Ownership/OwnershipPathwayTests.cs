using System.Globalization;
using Actors.Tests.Pathway;

namespace Actors.Tests.Ownership;

/// <summary>
/// Over GraphQL with the automatic pathway: a guardian submits for a minor with their own national ID number and the
/// civil registry confirms the filiation (the request goes on), or does not (sandbox card 00000011: the request is
/// REJECTED with the reason). A citizen token without a national ID number cannot submit, and one naming another adult
/// is refused; both are payload errors that change nothing.
/// </summary>
[Collection(AutomaticPathwayCollection.Name)]
public sealed class OwnershipPathwayTests(AutomaticApiFactory host)
{
    private readonly PathwayApi api = new(host);

    private static object MinorInput(string key, string guardianCard) => new
    {
        reason = "FIRST_ISSUE",
        centerId = GlobalIds.Center(PathwayApi.Tunis),
        idempotencyKey = key,
        applicant = new
        {
            givenName = "Yasmine", familyName = "Trabelsi", birthPlace = "Tunis",
            birthDate = DateTime.UtcNow.AddYears(-15).AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        guardian = new { fullName = "Mohamed Trabelsi", nationalIdNumber = guardianCard, relationship = "father", consentGiven = true },
    };

    [Fact]
    public async Task A_minor_whose_filiation_the_registry_confirms_goes_on_to_payment()
    {
        var parent = await host.Token("CITIZEN", PathwayApi.NewSubject("parent"), nationalIdNumber: "04567812");
        var submitted = await api.Mutate("submitIdCardRequest", parent, MinorInput(PathwayApi.Key("minor"), "04567812"));
        var verified = await api.UntilStatus(submitted["id"]!.GetValue<string>(), parent, "AWAITING_PAYMENT");
        Assert.Contains(("CIVIL_REGISTRY", "CONFIRMED"), PathwayApi.Exchanges(verified));
    }

    [Fact]
    public async Task A_minor_whose_filiation_the_registry_does_not_confirm_is_rejected_with_the_reason()
    {
        var stranger = await host.Token("CITIZEN", PathwayApi.NewSubject("stranger"), nationalIdNumber: "00000011");
        var submitted = await api.Mutate("submitIdCardRequest", stranger, MinorInput(PathwayApi.Key("minor"), "00000011"));
        var rejected = await api.UntilStatus(submitted["id"]!.GetValue<string>(), stranger, "REJECTED");
        Assert.Contains(("CIVIL_REGISTRY", "NOT_GUARDIAN"), PathwayApi.Exchanges(rejected));
        var last = rejected["history"]!.AsArray()[^1]!;
        Assert.Equal("SYSTEM:system:civil-registry", last["actor"]!.GetValue<string>());
        Assert.Contains("parent or legal guardian", last["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_without_a_national_ID_or_for_another_adult_is_a_typed_refusal()
    {
        var subject = PathwayApi.NewSubject("cit");
        var without = await host.Token("CITIZEN", subject);
        var key = PathwayApi.Key("no-id");
        var refused = await api.Payload("submitIdCardRequest", without, PathwayApi.AdultCardInput(key, "01234567"));
        Assert.Equal("NATIONAL_ID_REQUIRED", refused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("NationalIdRequiredError", refused["errors"]![0]!["__typename"]!.GetValue<string>());

        var holder = await host.Token("CITIZEN", subject, nationalIdNumber: "07654321");
        var other = await api.Payload("submitIdCardRequest", holder, PathwayApi.AdultCardInput(key, "01234567"));
        Assert.Equal("NOT_YOUR_REQUEST_TO_MAKE", other["errors"]![0]!["code"]!.GetValue<string>());

        // Nothing was created under that key: the holder's own application with it is a new request.
        var own = await api.Mutate("submitIdCardRequest", holder, PathwayApi.AdultCardInput(key, "07654321"));
        Assert.Equal(1, own["version"]!.GetValue<int>());

        // The token without a number still lists its own requests (the index is fed from the outbox: poll).
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var listed = 0;
        while (listed == 0 && DateTime.UtcNow < deadline)
        {
            var page = await host.GraphQL("{ requests(first: 10) { totalCount nodes { id } } }", token: without);
            listed = page["data"]!["requests"]!["totalCount"]!.GetValue<int>();
            if (listed == 0)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(1, listed);
    }
}
