/* sb-certificates-view.h: the Certificates section of the main window
 */
#pragma once

#include <adwaita.h>

#include "sb-certificate.h"
#include "sb-programme.h"

G_BEGIN_DECLS

#define SB_TYPE_CERTIFICATES_VIEW (sb_certificates_view_get_type ())
G_DECLARE_FINAL_TYPE (SbCertificatesView, sb_certificates_view, SB, CERTIFICATES_VIEW, GtkWidget)

void          sb_certificates_view_set_programme   (SbCertificatesView  *self,
                                                    SbProgramme         *programme);
void          sb_certificates_view_set_today       (SbCertificatesView  *self,
                                                    const GDate         *today);
GListModel   *sb_certificates_view_get_items       (SbCertificatesView  *self);
gboolean      sb_certificates_view_select_base     (SbCertificatesView  *self,
                                                    gint64               base_id);
guint         sb_certificates_view_search          (SbCertificatesView  *self,
                                                    const char          *text);
gboolean      sb_certificates_view_issue           (SbCertificatesView  *self,
                                                    GError             **error);
gboolean      sb_certificates_view_reissue         (SbCertificatesView  *self,
                                                    const char          *reason,
                                                    GError             **error);
gboolean      sb_certificates_view_verify_file     (SbCertificatesView  *self,
                                                    const char          *path,
                                                    SbVerificationStatus *status);
const char   *sb_certificates_view_get_preview_state (SbCertificatesView *self);
GdkPaintable *sb_certificates_view_get_preview     (SbCertificatesView  *self);

void                sb_certificates_view_set_may_issue (SbCertificatesView *self,
                                                       gboolean            may_issue);

G_END_DECLS
