using Actors.Contracts.Campaigns;
using Actors.Contracts.Identity;
using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Notifications;
using Actors.Contracts.Naming;
using Actors.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Campaigns;

/// <summary>
/// The pupils of one school in one campaign. Enrolment is stored first; the guardians' invitations go afterwards, a
/// few at a time on a timer, so that an import of thousands of pupils is not held up by the SMS provider. Each
/// invitation is marked "sending" before it goes and, after a crash, looked up at the provider before it is sent
/// again: a guardian is invited once, never twice. That an enrolment id is the campaign's, not the school's, the importer
/// sees to before the rows come here (<see cref="IEnrolmentRegistryGrain"/>).
/// </summary>
public sealed class SchoolEnrolmentGrain(
    [PersistentState(StorageNames.SchoolEnrolmentState, StorageNames.Domain)] IPersistentState<SchoolEnrolmentState> state,
    INotificationSender sender,
    TimeProvider clock,
    ILogger<SchoolEnrolmentGrain> logger) : Grain, ISchoolEnrolmentGrain
{
    public const int MaxRowsPerCall = 5000;
    public const string InvitationTemplate = "campaign-invitation";
    private const int InvitationsPerTick = 48;
    private const int InvitationsInParallel = 16;
    private const string Sending = "sending";
    private const string Sent = "sent";
    private const string Undeliverable = "undeliverable";

    private IGrainTimer? timer;

    private Guid CampaignId => Guid.ParseExact(this.GetPrimaryKeyString().Split('/')[0], "N");

    private string SchoolCode => this.GetPrimaryKeyString().Split('/')[1];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Invitations left pending by a previous activation (a crash, a deactivation) go out now.
        StartInviting();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<EnrolmentBatchResult> Enrol(Actor actor, IReadOnlyList<EnrolmentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(rows);
        if (actor.Role is not (ActorRole.EducationOfficer or ActorRole.System))
        {
            throw new InvalidOperationException("Only an education officer enrols pupils; the endpoint checks the role first.");
        }

        if (rows.Count > MaxRowsPerCall)
        {
            throw new ArgumentException($"At most {MaxRowsPerCall} rows per call.", nameof(rows));
        }

        var now = clock.GetUtcNow();
        var rejected = new List<EnrolmentRejection>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = new List<EnrolmentRow>();
        foreach (var row in rows.OrderBy(r => r.Line))
        {
            if (EnrolmentRowRules.Problem(row, SchoolCode) is { } problem)
            {
                rejected.Add(new EnrolmentRejection(row.Line, string.IsNullOrWhiteSpace(row.EnrolmentId) ? null : row.EnrolmentId, problem));
            }
            else if (!lineOf.TryAdd(row.EnrolmentId, row.Line))
            {
                rejected.Add(new EnrolmentRejection(row.Line, row.EnrolmentId, $"Enrolment {row.EnrolmentId} already appears on line {lineOf[row.EnrolmentId]}."));
            }
            else
            {
                valid.Add(row);
            }
        }

        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var row in valid)
        {
            var phone = EnrolmentRowRules.Phone(row.GuardianPhone)!;
            if (!state.State.Pupils.TryGetValue(row.EnrolmentId, out var known))
            {
                state.State.Pupils[row.EnrolmentId] = new EnrolledPupil(row.EnrolmentId, row.GivenName, phone, now, Invitation: null);
                created++;
            }
            else if (known.GivenName == row.GivenName && known.GuardianPhone == phone)
            {
                unchanged++;
            }
            else
            {
                // A corrected name or number; an invitation already sent is not sent again.
                state.State.Pupils[row.EnrolmentId] = known with { GivenName = row.GivenName, GuardianPhone = phone };
                updated++;
            }
        }

        if (created + updated > 0)
        {
            state.State.UpdatedAt = now;
            await state.WriteOrRestoreAsync(this);
            StartInviting();
        }

        return new EnrolmentBatchResult(created, updated, unchanged, rejected.OrderBy(r => r.Line).ToList());
    }

    public Task<(int Enrolled, int Invited)> Counts() =>
        Task.FromResult((state.State.Pupils.Count, state.State.Pupils.Values.Count(p => p.Invitation == Sent)));

    private void StartInviting()
    {
        if (timer is null && state.State.Pupils.Values.Any(Pending))
        {
            timer = this.RegisterGrainTimer(_ => InviteSome(), new GrainTimerCreationOptions
            {
                DueTime = TimeSpan.Zero, Period = TimeSpan.FromMilliseconds(200), Interleave = false,
            });
        }
    }

    /// <summary>One tick: a bounded number of invitations, so that enrolment calls are never kept waiting long.</summary>
    private async Task InviteSome()
    {
        var batch = state.State.Pupils.Values.Where(Pending).Take(InvitationsPerTick).ToList();
        if (batch.Count == 0)
        {
            timer?.Dispose();
            timer = null;
            return;
        }

        foreach (var pupil in batch.Where(p => p.Invitation is null))
        {
            state.State.Pupils[pupil.EnrolmentId] = pupil with { Invitation = Sending };
        }

        await state.WriteOrRestoreAsync(this);
        var outcomes = new List<(string EnrolmentId, string? Mark)>();
        foreach (var chunk in batch.Chunk(InvitationsInParallel))
        {
            outcomes.AddRange(await Task.WhenAll(chunk.Select(async p => (p.EnrolmentId, await Invite(p)))));
        }

        var changed = false;
        foreach (var (enrolmentId, mark) in outcomes.Where(o => o.Mark is not null))
        {
            state.State.Pupils[enrolmentId] = state.State.Pupils[enrolmentId] with { Invitation = mark };
            changed = true;
        }

        if (changed)
        {
            await state.WriteOrRestoreAsync(this);
            var invited = state.State.Pupils.Values.Count(p => p.Invitation == Sent);
            await GrainFactory.Reference<ICampaignGrain>(CampaignId).SetInvited(SchoolCode, invited);
        }
    }

    /// <summary>Sends one invitation; returns its new mark, or null to try again on a later tick.</summary>
    private async Task<string?> Invite(EnrolledPupil pupil)
    {
        var id = $"invitation:{CampaignId:N}:{pupil.EnrolmentId}:sms";
        try
        {
            if (pupil.Invitation == Sending && await sender.Find(id) is not null)
            {
                return Sent;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["school"] = SchoolCode, ["enrolment"] = pupil.EnrolmentId };
            await sender.Send(new Notification(id, NotificationChannel.Sms, pupil.GuardianPhone, "ar", InvitationTemplate, parameters,
                CampaignId, Text(pupil)));
            return Sent;
        }
        catch (NotificationRejectedException rejected)
        {
            logger.LogWarning("Invitation {MessageId} is undeliverable: {Reason}.", id, rejected.Message);
            return Undeliverable;
        }
        catch (OutsideSystemUnavailableException unavailable)
        {
            logger.LogWarning("Invitation {MessageId} not sent now ({Reason}); it is sent later.", id, unavailable.Reason);
            return null;
        }
    }

    /// <summary>Arabic first (the guardian's most likely language), then French; no personal data beyond the child's given name.</summary>
    private string Text(EnrolledPupil pupil) =>
        $"بطاقة التعريف الوطنية للتلاميذ: يمكنكم تقديم مطلب {pupil.GivenName} (المؤسسة {SchoolCode}، رقم الترسيم {pupil.EnrolmentId}) عبر الخدمة الرقمية. "
        + $"Carte d'identité des élèves : vous pouvez déposer la demande de {pupil.GivenName} (établissement {SchoolCode}, inscription {pupil.EnrolmentId}) en ligne.";

    private static bool Pending(EnrolledPupil pupil) => pupil.Invitation is null or Sending;
}
