using Actors.Contracts.Identity;

namespace Actors.Contracts.Campaigns;

/// <summary>
/// The pupils of one school in one campaign (key <see cref="KeyOf"/>). Enrolling is idempotent by enrolment id, and
/// each new pupil's guardian is invited once, after the enrolment is stored.
/// </summary>
public interface ISchoolEnrolmentGrain : IGrainWithStringKey
{
    public static string KeyOf(Guid campaignId, string schoolCode) => $"{campaignId:N}/{schoolCode}";

    /// <summary>Enrols the rows (EDUCATION_OFFICER or SYSTEM); rows of another school are rejected.</summary>
    Task<EnrolmentBatchResult> Enrol(Actor actor, IReadOnlyList<EnrolmentRow> rows);

    /// <summary>How many pupils are enrolled and how many guardians have had their invitation.</summary>
    Task<(int Enrolled, int Invited)> Counts();
}
