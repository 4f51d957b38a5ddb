using Actors.Contracts.Documents;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Documents;

/// <summary>The document grains on the in-process cluster: holders and supersession, links, the check desk's limits.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DocumentGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly Born = new(1985, 6, 2);

    [Fact]
    public async Task Issuing_twice_returns_the_same_seal_and_a_newer_document_of_the_holder_supersedes_the_older_whatever_the_order()
    {
        var holder = Guid.NewGuid().ToString("N");
        var now = ShiftableClock.Shared.GetUtcNow();
        var older = Issue(NewNumber(), holder, now.AddMinutes(-10));
        var newer = Issue(NewNumber(), holder, now.AddMinutes(-5));

        // The newer one recorded first: the older one, recorded late, finds itself superseded.
        var second = await fixture.Grains.GetGrain<IIssuedDocumentGrain>(newer.Number).Issue(newer);
        var first = await fixture.Grains.GetGrain<IIssuedDocumentGrain>(older.Number).Issue(older);
        Assert.Equal(DocumentStatus.Valid, second.Status);
        Assert.Equal(DocumentStatus.Superseded, first.Status);
        Assert.Equal(newer.Number, first.SupersededBy);

        var repeated = await fixture.Grains.GetGrain<IIssuedDocumentGrain>(newer.Number).Issue(newer);
        Assert.Equal(second.QrText, repeated.QrText);

        var latest = Issue(NewNumber(), holder, now);
        await fixture.Grains.GetGrain<IIssuedDocumentGrain>(latest.Number).Issue(latest);
        var lookup = await fixture.Grains.GetGrain<IIssuedDocumentGrain>(newer.Number).Lookup(Born);
        Assert.Equal(DocumentStatus.Superseded, lookup.Answer!.Status);
    }

    [Fact]
    public async Task A_download_link_works_once_and_only_for_its_document()
    {
        var issue = Issue(NewNumber(), Guid.NewGuid().ToString("N"), ShiftableClock.Shared.GetUtcNow());
        var document = fixture.Grains.GetGrain<IIssuedDocumentGrain>(issue.Number);
        await document.Issue(issue);
        var owner = new Actor(issue.OwnerSubject, ActorRole.Citizen);

        var link = await document.CreateDownloadLink(owner);
        Assert.Null(await fixture.Grains.GetGrain<IIssuedDocumentGrain>(NewNumber()).RedeemDownloadLink(link.Token));
        Assert.Null(await document.RedeemDownloadLink(link.Token + "x"));
        Assert.NotNull(await document.RedeemDownloadLink(link.Token));
        Assert.Null(await document.RedeemDownloadLink(link.Token));

        var stranger = new Actor("someone-else", ActorRole.Citizen);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => document.CreateDownloadLink(stranger));
        Assert.Equal(ErrorCodes.NotFound, refusal.Error.Code);
    }

    [Fact]
    public async Task The_desk_limits_one_address_across_codes_and_logs_the_refusal()
    {
        var desk = fixture.Grains.GetGrain<IDocumentCheckDeskGrain>(0);
        var address = $"198.51.100.{Random.Shared.Next(1, 254)}-{Guid.NewGuid():N}";
        for (var i = 0; i < 20; i++)
        {
            var allowed = await desk.Check(NewNumber(), Born, address);
            Assert.Null(allowed.RetryAfter);
            Assert.Null(allowed.Answer);
        }

        var code = NewNumber();
        var refused = await desk.Check(code, Born, address);
        Assert.NotNull(refused.RetryAfter);
        Assert.InRange(refused.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

        // Another address is not held back by this one.
        Assert.Null((await desk.Check(code, Born, address + "-other")).RetryAfter);

        var log = await fixture.Grains.GetGrain<IDocumentCheckLogGrain>(code).Recent();
        Assert.Equal([DocumentCheckOutcome.UnknownCode, DocumentCheckOutcome.RateLimited], log.Select(c => c.Outcome));
        Assert.NotEqual(log[0].ClientAddressHash, log[1].ClientAddressHash);
        Assert.DoesNotContain("198.51.100", log[1].ClientAddressHash);
    }

    private static DocumentIssue Issue(string number, string holder, DateTimeOffset at) => new(
        number, Guid.NewGuid(), RequestKind.CriminalRecordExtract, "cit-" + Guid.NewGuid().ToString("N")[..8], "TN11-BJ1", "TUNIS",
        holder, "ليلى", "الطرابلسي", "Leila", "Trabelsi", Born, at);

    private static string NewNumber()
    {
        var text = Guid.NewGuid().ToString("N").ToUpperInvariant()[..15];
        return $"{text[..5]}-{text[5..10]}-{text[10..]}";
    }
}
