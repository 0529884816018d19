/* sb-certificate.h: the certificates of established bases (Art. 22)
 *
 * Records, numbering, verification codes and the rules for issuing,
 * reissuing and revoking.  Drawing them is sb-certificate-render.h.
 */
#pragma once

#include <glib.h>

#include "sb-database.h"

G_BEGIN_DECLS

#define SB_CERTIFICATE_ERROR (sb_certificate_error_quark ())

typedef enum
{
  SB_CERTIFICATE_ERROR_NOT_ESTABLISHED, /* only an accepted base is named, Art. 22 */
  SB_CERTIFICATE_ERROR_ALREADY_ISSUED,  /* it has a live certificate: reissue it */
  SB_CERTIFICATE_ERROR_NOT_ISSUED,      /* nothing to reissue */
  SB_CERTIFICATE_ERROR_INVALID,         /* missing reason, bad date, bad number */
  SB_CERTIFICATE_ERROR_NOT_FOUND,
  SB_CERTIFICATE_ERROR_UNREADABLE,      /* the file is not a PDF Poppler can read */
  SB_CERTIFICATE_ERROR_NOT_A_CERTIFICATE, /* a PDF without a number and code */
} SbCertificateError;

typedef enum
{
  SB_CERTIFICATE_STATE_NONE,      /* not issued */
  SB_CERTIFICATE_STATE_ISSUED,
  SB_CERTIFICATE_STATE_REISSUED,  /* a replacement; the one it replaces is void */
  SB_CERTIFICATE_STATE_VOID,
  SB_CERTIFICATE_STATE_REVOKED,   /* the base was revoked, Art. 21, 38 */
  SB_N_CERTIFICATE_STATES
} SbCertificateState;

typedef struct
{
  gint64              id;
  char               *number;       /* SXJD-2026-0007 */
  int                 year;
  int                 serial;
  gint64              base_id;
  SbCertificateState  state;
  GDate               issued;
  GDate               closed;       /* cleared unless void or revoked */
  char               *reason;       /* why it was reissued; "" for a first issue */
  char               *void_reason;  /* why it is void or revoked */
  gint64              replaces_id;  /* 0 for a first issue */

  /* What the certificate says, as on the day of issue. */
  char               *name_zh;
  char               *name_en;
  char               *lead_unit;
  char               *domain_zh;
  char               *domain_en;
  GDate               established;
  char               *authority_zh;
  char               *authority_en;
  char               *code;         /* verification code, XXXXX-XXXXX-XXXXX-XXXXX */
} SbCertificate;

typedef enum
{
  SB_VERIFICATION_VALID,
  SB_VERIFICATION_VOID,
  SB_VERIFICATION_REVOKED,
  SB_VERIFICATION_FORGED,   /* unknown number, wrong code, or altered text */
} SbVerificationStatus;

typedef struct
{
  SbVerificationStatus  status;
  char                 *number;       /* as read from the document */
  char                 *code;         /* as read from the document */
  SbCertificate        *record;       /* nullable: the number is unknown */
  char                 *replaced_by;  /* nullable: the number that replaced a void one */
  char                 *explanation;  /* one translated sentence */
} SbVerification;

/* A base an officer may see in the Certificates section, with the
 * certificate it holds now (or its last one, if revoked). */
typedef struct
{
  gint64              base_id;
  char               *name_zh;
  char               *lead_unit;
  char               *domain;       /* in the locale's language */
  char               *base_state;   /* as stored */
  GDate               established;
  SbCertificate      *certificate;  /* nullable: not issued */
} SbCertificateListing;

GQuark              sb_certificate_error_quark        (void);

const char         *sb_certificate_state_to_string    (SbCertificateState  state);
gboolean            sb_certificate_state_from_string  (const char         *text,
                                                       SbCertificateState *state);
const char         *sb_certificate_state_get_label    (SbCertificateState  state);

char               *sb_certificate_format_number      (int                 year,
                                                       int                 serial);
gboolean            sb_certificate_parse_number       (const char         *text,
                                                       int                *year,
                                                       int                *serial);
char               *sb_certificate_compute_code       (const SbCertificate *certificate,
                                                       const char          *secret);
char               *sb_certificate_dup_text_date_zh   (const GDate        *date);
char               *sb_certificate_dup_text_date_en   (const GDate        *date);
char               *sb_certificate_dup_qr_text        (const SbCertificate *certificate);

SbCertificate      *sb_certificate_copy               (const SbCertificate *certificate);
void                sb_certificate_free               (SbCertificate      *certificate);

SbCertificate      *sb_certificate_store_issue        (SbDatabase         *database,
                                                       gint64              base_id,
                                                       const GDate        *today,
                                                       const char         *actor,
                                                       GError            **error);
SbCertificate      *sb_certificate_store_reissue      (SbDatabase         *database,
                                                       gint64              base_id,
                                                       const char         *reason,
                                                       const GDate        *today,
                                                       const char         *actor,
                                                       GError            **error);
SbCertificate      *sb_certificate_store_get_current  (SbDatabase         *database,
                                                       gint64              base_id,
                                                       GError            **error);
SbCertificate      *sb_certificate_store_find_number  (SbDatabase         *database,
                                                       const char         *number,
                                                       GError            **error);
GPtrArray          *sb_certificate_store_list_live    (SbDatabase         *database,
                                                       GError            **error);
GPtrArray          *sb_certificate_store_list_history (SbDatabase         *database,
                                                       gint64              base_id,
                                                       GError            **error);
GPtrArray          *sb_certificate_store_list         (SbDatabase         *database,
                                                       GError            **error);

SbVerification     *sb_certificate_verify             (SbDatabase         *database,
                                                       const char         *number,
                                                       const char         *code,
                                                       const char         *printed_text,
                                                       GError            **error);
void                sb_verification_free              (SbVerification     *verification);

void                sb_certificate_listing_free       (SbCertificateListing *listing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCertificate, sb_certificate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbVerification, sb_verification_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbCertificateListing, sb_certificate_listing_free)

G_END_DECLS
