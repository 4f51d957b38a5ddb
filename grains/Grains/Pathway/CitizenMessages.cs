using System.Globalization;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;

namespace Actors.Grains.Pathway;

/// <summary>
/// The words of the notifications, in the citizen's language (ar or fr). A message names the request by its
/// reference only: no name, no birth date, nothing that a shared phone should not show.
/// </summary>
public static class CitizenMessages
{
    /// <summary>The template of a step the citizen is told about (the step's own, else its status's), or null.</summary>
    public static string? TemplateFor(HistoryEntry step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Action switch
        {
            RequestAction.BookAppointment => "appointment-booked",
            RequestAction.RescheduleAppointment => "appointment-moved",
            RequestAction.CancelAppointment => "appointment-cancelled",
            RequestAction.RecordNoShow when step.Status == RequestStatus.Paid => "no-show",
            _ => TemplateFor(step.Status),
        };
    }

    /// <summary>The template of a request that just arrived in this status, or null when the citizen need not be told.</summary>
    public static string? TemplateFor(RequestStatus status) => status switch
    {
        RequestStatus.AppointmentBooked => "appointment-booked",
        RequestStatus.Delivered => "delivered",
        RequestStatus.NeedsCorrection => "correction-needed",
        RequestStatus.AwaitingPayment => "payment-due",
        RequestStatus.Paid => "payment-received",
        RequestStatus.ReadyForDelivery => "ready-for-delivery",
        RequestStatus.Issued => "extract-issued",
        RequestStatus.Referred => "referred",
        RequestStatus.Rejected => "rejected",
        RequestStatus.Expired => "expired",
        RequestStatus.Cancelled => "cancelled",
        _ => null,
    };

    public static string Text(string template, string language, CitizenRequestView request, DateTimeOffset? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = request.Reference;
        var fee = SchemaText.Dinars(Contracts.Requests.RequestFees.For(request.Kind));
        var date = deadline?.ToOffset(TimeSpan.FromHours(1)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
        var arabic = language == "ar";
        var appointment = request.Appointment is { } booked
            ? $"{TunisTime.Local(booked.At).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} ({booked.CenterId})"
            : "-";
        var notice = request.AppointmentNotice?.Reason ?? "-";
        return template switch
        {
            "correction-needed" => arabic
                ? $"طلبكم {reference}: يرجى تصحيح المعطيات ({request.Correction?.Field ?? "-"})."
                : $"Demande {reference} : une correction est nécessaire ({request.Correction?.Field ?? "-"}).",
            "payment-due" => arabic
                ? $"طلبكم {reference}: تم التثبت. يرجى خلاص {fee} د عبر الخلاص الالكتروني."
                : $"Demande {reference} : vérifiée. Réglez {fee} DT en ligne.",
            "payment-reminder" => arabic
                ? $"طلبكم {reference}: لم يتم الخلاص بعد. آخر أجل {date}."
                : $"Demande {reference} : paiement en attente. Date limite : {date}.",
            "payment-received" => arabic ? $"طلبكم {reference}: تم الخلاص." : $"Demande {reference} : paiement reçu.",
            "ready-for-delivery" => arabic ? $"طلبكم {reference}: البطاقة جاهزة للتسليم." : $"Demande {reference} : votre carte est prête.",
            "extract-issued" => arabic
                ? $"طلبكم {reference}: تم إصدار المضمون. حمّلوه من فضائكم (وثيقة PDF ممضاة إلكترونيا، برمز QR يمكن التثبت منه)."
                : $"Demande {reference} : votre extrait est délivré. Téléchargez-le depuis votre espace (PDF signé, avec un QR code vérifiable).",
            "referred" => arabic
                ? $"طلبكم {reference}: يرجى التوجه إلى كتابة المحكمة."
                : $"Demande {reference} : veuillez vous adresser au greffe du tribunal.",
            "rejected" => arabic ? $"طلبكم {reference}: تم رفض الطلب." : $"Demande {reference} : rejetée.",
            "expired" => arabic ? $"طلبكم {reference}: انتهت صلاحية الطلب." : $"Demande {reference} : expirée.",
            "cancelled" => arabic ? $"طلبكم {reference}: تم إلغاء الطلب." : $"Demande {reference} : annulée.",
            "appointment-booked" => arabic
                ? $"طلبكم {reference}: موعدكم لأخذ البصمات يوم {appointment}."
                : $"Demande {reference} : rendez-vous pour la prise d'empreintes le {appointment}.",
            "appointment-moved" => arabic
                ? $"طلبكم {reference}: تم تغيير موعدكم إلى {appointment}. {(request.AppointmentNotice is null ? "" : notice)}"
                : $"Demande {reference} : rendez-vous déplacé au {appointment}.{(request.AppointmentNotice is null ? "" : " Motif : " + notice)}",
            "appointment-cancelled" => arabic
                ? $"طلبكم {reference}: تم إلغاء الموعد. يرجى حجز موعد جديد. {(request.AppointmentNotice is null ? "" : notice)}"
                : $"Demande {reference} : rendez-vous annulé, réservez un autre créneau.{(request.AppointmentNotice is null ? "" : " Motif : " + notice)}",
            "appointment-reminder" => arabic
                ? $"طلبكم {reference}: تذكير بموعدكم غدا {appointment}."
                : $"Demande {reference} : rappel, rendez-vous demain {appointment}.",
            "no-show" => arabic
                ? $"طلبكم {reference}: لم تحضروا الموعد. يرجى حجز موعد جديد."
                : $"Demande {reference} : absence au rendez-vous, réservez un autre créneau.",
            "delivered" => arabic ? $"طلبكم {reference}: تم تسليم البطاقة." : $"Demande {reference} : votre carte a été remise.",
            "refunded" => arabic ? $"طلبكم {reference}: تم إرجاع {fee} د." : $"Demande {reference} : {fee} DT vous sont remboursés.",
            _ => throw new ArgumentOutOfRangeException(nameof(template), template, "No such notification template."),
        };
    }
}
