namespace Actors.Contracts.Interop.Education;

/// <summary>
/// The Ministry of Education's pupil register: is this pupil enrolled at this school this school year.
/// Throws <see cref="OutsideSystemUnavailableException"/> when it cannot answer.
/// </summary>
public interface IEducationRegistry
{
    Task<EnrolmentCheck> CheckEnrolment(EnrolmentQuery query, CancellationToken cancellationToken = default);
}
