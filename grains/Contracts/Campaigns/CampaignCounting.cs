using System.Collections.Frozen;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;
using Actors.Contracts.Scheduling;

namespace Actors.Contracts.Campaigns;

/// <summary>
/// How campaigns hear of pupils' requests, for every deliverer (the PostgreSQL relay, the embedded publisher): each
/// submitted or status event of a pupil's card request, at a school in a campaign on the day it was submitted, gives
/// that campaign the milestones the request has reached. Campaign grains OR them in, so a replay counts nothing twice.
/// </summary>
public static class CampaignCounting
{
    public static IReadOnlySet<string> Types { get; } =
        new[] { nameof(RequestSubmitted), nameof(RequestStatusChanged) }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The pupil requests of the events with the day each was submitted and the milestones it has reached.</summary>
    public static IReadOnlyList<(DateOnly SubmittedOn, RequestMilestones Milestones)> PupilRequestsIn(IEnumerable<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var found = new List<(DateOnly, RequestMilestones)>();
        foreach (var e in events.Where(e => Types.Contains(e.Type) && e.AggregateType == AggregateTypes.CitizenRequest))
        {
            var request = e.Type == nameof(RequestSubmitted)
                ? e.PayloadAs<RequestSubmitted>().Request
                : e.PayloadAs<RequestStatusChanged>().Request;
            if (request.Kind == RequestKind.NationalIdCard && request.Pupil is { } pupil)
            {
                found.Add((TunisTime.DayOf(request.SubmittedAt),
                    new RequestMilestones(request.Id, pupil.SchoolCode.Trim().ToUpperInvariant(), CampaignMilestoneRules.Of(request.Status))));
            }
        }

        return found;
    }

    /// <summary>Finds each pupil request's campaign and gives each campaign its requests in one call.</summary>
    public static async Task Count(IGrainFactory grains, IEnumerable<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var requests = PupilRequestsIn(events);
        if (requests.Count == 0)
        {
            return;
        }

        var directory = grains.Reference<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key);
        var byCampaign = new Dictionary<Guid, List<RequestMilestones>>();
        foreach (var day in requests.GroupBy(r => r.SubmittedOn))
        {
            var campaigns = await directory.CampaignsOn(day.Select(r => r.Milestones.SchoolCode).Distinct(StringComparer.Ordinal).ToList(), day.Key);
            foreach (var (_, milestones) in day)
            {
                if (campaigns.TryGetValue(milestones.SchoolCode, out var campaignId))
                {
                    if (!byCampaign.TryGetValue(campaignId, out var list))
                    {
                        byCampaign[campaignId] = list = [];
                    }

                    list.Add(milestones);
                }
            }
        }

        await Task.WhenAll(byCampaign.Select(c => grains.Reference<ICampaignGrain>(c.Key).ApplyRequests(c.Value)));
    }
}
