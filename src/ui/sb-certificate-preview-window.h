/* sb-certificate-preview-window.h: the print preview of certificates
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SB_TYPE_CERTIFICATE_PREVIEW_WINDOW (sb_certificate_preview_window_get_type ())
G_DECLARE_FINAL_TYPE (SbCertificatePreviewWindow, sb_certificate_preview_window, SB, CERTIFICATE_PREVIEW_WINDOW, AdwWindow)

SbCertificatePreviewWindow *sb_certificate_preview_window_new         (GtkWindow                *parent,
                                                                       GtkPrintOperation        *operation,
                                                                       GtkPrintOperationPreview *preview,
                                                                       GtkPrintContext          *context);
guint                       sb_certificate_preview_window_get_n_shown (SbCertificatePreviewWindow *self);

G_END_DECLS
