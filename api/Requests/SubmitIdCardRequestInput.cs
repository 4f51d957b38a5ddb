using Actors.Contracts.Requests;

namespace Actors.Api.Requests;

public sealed class SubmitIdCardRequestInput
{
    public IdCardReason Reason { get; set; }

    public ApplicantInput Applicant { get; set; } = new();

    public string CenterId { get; set; } = "";

    public PupilInput? Pupil { get; set; }

    public GuardianInput? Guardian { get; set; }

    public ContactInput? Contact { get; set; }

    public string? IdempotencyKey { get; set; }
}
