/* sb-certificate-item.h: one row of the Certificates section
 */
#pragma once

#include <glib-object.h>

#include "sb-certificate.h"

G_BEGIN_DECLS

#define SB_TYPE_CERTIFICATE_ITEM (sb_certificate_item_get_type ())
G_DECLARE_FINAL_TYPE (SbCertificateItem, sb_certificate_item, SB, CERTIFICATE_ITEM, GObject)

SbCertificateItem          *sb_certificate_item_new             (SbCertificateListing *listing);
const SbCertificateListing *sb_certificate_item_get_listing     (SbCertificateItem    *self);
gint64                      sb_certificate_item_get_base_id     (SbCertificateItem    *self);
const SbCertificate        *sb_certificate_item_get_certificate (SbCertificateItem    *self);
SbCertificateState          sb_certificate_item_get_state       (SbCertificateItem    *self);
gboolean                    sb_certificate_item_is_base_revoked (SbCertificateItem    *self);

G_END_DECLS
