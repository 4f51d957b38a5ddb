using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Education;
using static Actors.Interop.Sandboxes.SandboxInputs;

namespace Actors.Interop.Sandboxes.Education;

/// <summary>
/// The Ministry of Education's register of the embedded mode and the tests: every pupil is enrolled at the
/// declared school this school year, except the documented school codes (docs/sandboxes.md).
/// </summary>
public sealed class EducationRegistrySandbox(SandboxBehaviour behaviour, TimeProvider clock) : IEducationRegistry
{
    public async Task<EnrolmentCheck> CheckEnrolment(EnrolmentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (fault, outcome) = query.SchoolCode.Trim().ToUpperInvariant() switch
        {
            SchoolNotEnrolled => (SandboxFault.None, EnrolmentOutcome.NotEnrolled),
            SchoolOther => (SandboxFault.None, EnrolmentOutcome.AnotherSchool),
            SchoolTimeout => (SandboxFault.Timeout, EnrolmentOutcome.Enrolled),
            SchoolDown => (SandboxFault.ServerError, EnrolmentOutcome.Enrolled),
            _ => (SandboxFault.None, EnrolmentOutcome.Enrolled),
        };
        await behaviour.Answer(OutsideSystem.Education, fault, cancellationToken);
        return outcome == EnrolmentOutcome.Enrolled
            ? new EnrolmentCheck(outcome, SchoolLevel.FromGrade(query.Grade), SchoolYear.Current(clock))
            : new EnrolmentCheck(outcome);
    }
}
