using System.Text.Json;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;

namespace Actors.Tests.Ownership;

/// <summary>
/// A request stored before ownership recorded issuers (the version 1 sample of <c>Faults/Samples</c>, as the silo wrote
/// it) loads with the empty issuer and still belongs to its owner, who signed in with the development issuer of that
/// release; the same subject from another issuer is someone else. The listing's owner condition says the same.
/// </summary>
public sealed class OlderStateOwnershipTests
{
    private static CitizenRequestState Sample()
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "Actors.Tests", "Faults", "Samples", "citizen-request.v1.json");
        return JsonSerializer.Deserialize<CitizenRequestState>(File.ReadAllText(path))!;
    }

    [Fact]
    public void A_request_stored_without_an_owner_issuer_belongs_to_its_subject_at_the_development_issuer()
    {
        var state = Sample();
        Assert.Equal("", state.OwnerIssuer);
        Assert.Null(state.OwnerNationalIdNumber);
        var owner = new RequestOwner(state.OwnerIssuer, state.OwnerSubject, state.OwnerNationalIdNumber);

        Assert.True(RequestAccess.IsOwner(new Actor(state.OwnerSubject, ActorRole.Citizen, Issuer: RequestAccess.LegacyIssuer), owner));
        Assert.True(RequestAccess.IsOwner(new Actor(state.OwnerSubject, ActorRole.Citizen), owner));
        Assert.False(RequestAccess.IsOwner(new Actor(state.OwnerSubject, ActorRole.Citizen, Issuer: "https://citizens.example.tn"), owner));
        Assert.False(RequestAccess.IsOwner(new Actor(state.OwnerSubject, ActorRole.Agent, "TN11-GU1", Issuer: RequestAccess.LegacyIssuer), owner));
        Assert.True(RequestAccess.IsInScope(new Actor(state.OwnerSubject, ActorRole.Citizen, Issuer: RequestAccess.LegacyIssuer), owner, state.CenterId, state.Governorate));
        Assert.False(RequestAccess.IsInScope(new Actor(state.OwnerSubject, ActorRole.Citizen, Issuer: "https://citizens.example.tn"), owner, state.CenterId, state.Governorate));
    }

    [Fact]
    public void The_listing_matches_owners_as_RequestAccess_does()
    {
        var citizen = new RequestFilter(OwnerSubject: "person-1", OwnerIssuer: "https://citizens.example.tn", OwnerNationalIdNumber: "04567812");
        Assert.True(citizen.MatchesOwner("https://citizens.example.tn", "person-1", null));
        Assert.False(citizen.MatchesOwner("https://staff.example.tn", "person-1", null));
        Assert.False(citizen.MatchesOwner("", "person-1", null));
        Assert.True(citizen.MatchesOwner("", "", "04567812"));
        Assert.False(citizen.MatchesOwner("", "", "07654321"));

        var legacy = new RequestFilter(OwnerSubject: "person-1", OwnerIssuer: RequestAccess.LegacyIssuer);
        Assert.True(legacy.MatchesOwner("", "person-1", null));
        Assert.True(legacy.MatchesOwner(RequestAccess.LegacyIssuer, "person-1", null));
        Assert.False(legacy.MatchesOwner("https://citizens.example.tn", "person-1", null));
        Assert.True(new RequestFilter().MatchesOwner("x", "y", null));
    }
}
