using System.Text.RegularExpressions;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Errors;
using Actors.Contracts.Geography;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Grains.Persistence;

namespace Actors.Grains.Campaigns;

/// <summary>
/// One campaign: its definition (edited by education officers and supervisors) and its counters, which only request
/// events move (through the outbox, never a caller), each request's milestones counted once.
/// </summary>
public sealed partial class CampaignGrain(
    [PersistentState(StorageNames.CampaignState, StorageNames.Domain)] IPersistentState<CampaignState> state,
    TimeProvider clock) : Grain, ICampaignGrain
{
    public const int MaxSchools = 5000;
    public const int MaxTarget = 100_000;
    private const int MaxNameLength = 200;

    private CampaignState S => state.State;

    public async Task<CampaignView> Create(Actor actor, CampaignSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var op = CampaignOperations.CreateCampaign;
        RequireEditor(op, actor);
        if (S.Exists)
        {
            // A retried create (same creator and key, hence same id) returns the campaign; another setup under that key is refused.
            return S.SetupFingerprint == IdempotencyPolicy.Fingerprint(op.Name, setup)
                ? View()
                : throw op.Refuse(ErrorCodes.IdempotencyKeyReused, "This idempotency key already created a campaign with another setup.");
        }

        Check(op, setup);
        var schools = Normalized(op, setup.Schools, setup.Governorates);
        await Claim(op, setup.StartsOn, setup.EndsOn, schools);
        S.Exists = true;
        S.Name = setup.Name.Trim();
        S.SchoolYear = setup.SchoolYear.Trim();
        S.StartsOn = setup.StartsOn;
        S.EndsOn = setup.EndsOn;
        S.Governorates = setup.Governorates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        S.Schools = schools;
        S.CreatedBy = actor.Describe();
        S.SetupFingerprint = IdempotencyPolicy.Fingerprint(op.Name, setup);
        await Save();
        return View();
    }

    public async Task<CampaignView> SetSchools(Actor actor, IReadOnlyList<CampaignSchool> schools)
    {
        ArgumentNullException.ThrowIfNull(schools);
        var op = CampaignOperations.SetCampaignSchools;
        RequireEditor(op, actor);
        if (!S.Exists)
        {
            throw op.Refuse(ErrorCodes.NotFound, "No campaign has this id.");
        }

        var normalized = Normalized(op, schools, S.Governorates);
        await Claim(op, S.StartsOn, S.EndsOn, normalized);
        S.Schools = normalized;
        await Save();
        return View();
    }

    public Task<CampaignView?> Find() => Task.FromResult(S.Exists ? View() : null);

    public async Task ApplyRequests(IReadOnlyList<RequestMilestones> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var changed = false;
        foreach (var request in requests)
        {
            var known = S.Requests.GetValueOrDefault(request.RequestId);
            var reached = (known?.Reached ?? CampaignMilestones.None) | request.Reached;
            if (known is null || reached != known.Reached)
            {
                // The school of the first event stays: a request keeps the school it was submitted for.
                S.Requests[request.RequestId] = new RequestMilestones(request.RequestId, known?.SchoolCode ?? request.SchoolCode, reached);
                changed = true;
            }
        }

        if (changed)
        {
            await Save();
        }
    }

    public async Task SetInvited(string schoolCode, int invited)
    {
        ArgumentNullException.ThrowIfNull(schoolCode);
        if (S.Invited.GetValueOrDefault(schoolCode) != invited)
        {
            S.Invited[schoolCode] = invited;
            await Save();
        }
    }

    private async Task Save()
    {
        S.Version++;
        S.UpdatedAt = clock.GetUtcNow();
        await state.WriteOrRestoreAsync(this);
    }

    private CampaignView View() => new(this.GetPrimaryKey(), S.Name, S.SchoolYear, S.StartsOn, S.EndsOn, S.Governorates, S.Schools,
        Progress(), S.Version, S.CreatedBy, S.UpdatedAt);

    /// <summary>Counters by school from the per-request milestones, then summed by governorate and in total.</summary>
    private CampaignProgress Progress()
    {
        var bySchool = S.Schools.ToDictionary(s => s.Code,
            s => CampaignCounts.Zero with { Target = s.Target, Invited = S.Invited.GetValueOrDefault(s.Code) }, StringComparer.Ordinal);
        foreach (var request in S.Requests.Values)
        {
            // A request of a school the campaign no longer has still counts in the campaign's total, under its school code.
            bySchool[request.SchoolCode] = bySchool.GetValueOrDefault(request.SchoolCode, CampaignCounts.Zero).With(request.Reached);
        }

        var governorateOf = S.Schools.ToDictionary(s => s.Code, s => s.Governorate, StringComparer.Ordinal);
        var byGovernorate = bySchool
            .GroupBy(s => governorateOf.GetValueOrDefault(s.Key, "UNKNOWN"), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CampaignGroupCounts(g.Key, g.Aggregate(CampaignCounts.Zero, (sum, s) => sum.Plus(s.Value))))
            .ToList();
        var schools = bySchool.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new CampaignGroupCounts(s.Key, s.Value)).ToList();
        var total = schools.Aggregate(CampaignCounts.Zero, (sum, s) => sum.Plus(s.Counts));
        return new CampaignProgress(total, schools, byGovernorate);
    }

    private async Task Claim(DomainOperation op, DateOnly startsOn, DateOnly endsOn, List<CampaignSchool> schools)
    {
        var taken = await GrainFactory.Reference<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key)
            .Claim(new CampaignClaim(this.GetPrimaryKey(), startsOn, endsOn), schools.Select(s => s.Code).ToList());
        if (taken.Count > 0)
        {
            throw op.Refuse(ErrorCodes.SchoolInAnotherCampaign,
                $"{string.Join(", ", taken.Take(10))} {(taken.Count == 1 ? "is" : "are")} already in another campaign of an overlapping period.",
                ("schoolCodes", string.Join(",", taken.Take(10))));
        }
    }

    private static void RequireEditor(DomainOperation op, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role is not (ActorRole.Supervisor or ActorRole.EducationOfficer or ActorRole.System))
        {
            throw op.Refuse(ErrorCodes.NotAllowed,
                $"Only a {SchemaText.Of(ActorRole.Supervisor)} or an {SchemaText.Of(ActorRole.EducationOfficer)} manages campaigns.",
                ("role", SchemaText.Of(actor.Role)));
        }
    }

    private static void Check(DomainOperation op, CampaignSetup setup)
    {
        if (string.IsNullOrWhiteSpace(setup.Name) || setup.Name.Trim().Length > MaxNameLength)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, $"name is required, at most {MaxNameLength} characters.", ("field", "name"));
        }

        if (!SchoolYear().IsMatch(setup.SchoolYear.Trim())
            || int.Parse(setup.SchoolYear.Trim()[5..], System.Globalization.CultureInfo.InvariantCulture)
               != int.Parse(setup.SchoolYear.Trim()[..4], System.Globalization.CultureInfo.InvariantCulture) + 1)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, "schoolYear is written like 2026-2027.", ("field", "schoolYear"));
        }

        if (setup.EndsOn < setup.StartsOn || setup.EndsOn.DayNumber - setup.StartsOn.DayNumber > 366)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, "endsOn is on or after startsOn, at most a year later.", ("field", "endsOn"));
        }

        if (setup.Governorates.Count == 0 || setup.Governorates.Any(g => !Governorates.Exists(g)))
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, "governorates lists one or more of the 24 governorate codes (e.g. TUNIS, SIDI_BOUZID).",
                ("field", "governorates"));
        }
    }

    /// <summary>Codes upper-cased, each school once, in a listed governorate, with a target between 1 and <see cref="MaxTarget"/>.</summary>
    private static List<CampaignSchool> Normalized(DomainOperation op, IReadOnlyList<CampaignSchool> schools, IReadOnlyList<string> governorates)
    {
        if (schools.Count > MaxSchools)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, $"A campaign has at most {SchemaText.Number(MaxSchools)} schools.", ("field", "schools"));
        }

        var result = new List<CampaignSchool>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var school in schools)
        {
            var code = (school.Code ?? "").Trim().ToUpperInvariant();
            if (!SchoolCode().IsMatch(code) || !seen.Add(code))
            {
                throw op.Refuse(ErrorCodes.ValidationFailed, $"School code '{code}' is malformed or listed twice (2 to 32 of A-Z, 0-9 and '-').",
                    ("field", "schools.code"), ("code", code));
            }

            if (string.IsNullOrWhiteSpace(school.Name) || school.Name.Trim().Length > MaxNameLength)
            {
                throw op.Refuse(ErrorCodes.ValidationFailed, $"School {code} needs a name of at most {MaxNameLength} characters.", ("field", "schools.name"), ("code", code));
            }

            if (!governorates.Contains(school.Governorate, StringComparer.Ordinal))
            {
                throw op.Refuse(ErrorCodes.ValidationFailed, $"School {code} is in {school.Governorate}, which is not one of the campaign's governorates.",
                    ("field", "schools.governorate"), ("code", code));
            }

            if (school.Target is < 1 or > MaxTarget)
            {
                throw op.Refuse(ErrorCodes.ValidationFailed, $"School {code}'s target is between 1 and {SchemaText.Number(MaxTarget)} pupils.",
                    ("field", "schools.target"), ("code", code));
            }

            result.Add(new CampaignSchool(code, school.Name.Trim(), school.Governorate, school.Target));
        }

        return result.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{4}\z")]
    private static partial Regex SchoolYear();

    [GeneratedRegex(@"\A[A-Z0-9][A-Z0-9-]{1,31}\z")]
    private static partial Regex SchoolCode();
}
