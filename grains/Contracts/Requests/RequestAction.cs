namespace Actors.Contracts.Requests;

/// <summary>A step that moves a request; each one is a GraphQL mutation of the same name.</summary>
public enum RequestAction
{
    StartVerification,
    RequestCorrection,
    SubmitCorrection,
    ConfirmVerification,
    RecordPayment,
    BookAppointment,
    RecordBiometrics,
    StartProduction,
    MarkReadyForDelivery,
    ConfirmDelivery,
    StartRecordCheck,
    IssueExtract,
    ReferRequest,
    RejectRequest,
    CancelRequest,
    ExpireRequest,
    RescheduleAppointment,
    CancelAppointment,
    RecordNoShow,
}
