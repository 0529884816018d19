/* sb-audit.h: the append-only, hash-chained audit log
 */
#pragma once

#include <gio/gio.h>

#include "sb-database.h"

G_BEGIN_DECLS

typedef enum
{
  SB_AUDIT_INTACT,
  SB_AUDIT_MISSING,    /* an entry is gone: the sequence has a gap */
  SB_AUDIT_CHANGED,    /* an entry does not hash to what it says: changed, moved or forged */
  SB_AUDIT_BAD_START,  /* the first entry is not the start of a log */
} SbAuditVerdict;

typedef struct
{
  SbAuditVerdict verdict;
  gint64         bad_seq;      /* the first bad entry, or the first missing one */
  guint64        n_entries;    /* entries read */
  char           head_hash[65];/* the last entry's hash, to write down elsewhere */
  gint64         head_seq;
} SbAuditReport;


void       sb_audit_register_functions (sqlite3        *db);
void       sb_audit_compute_hash       (const char     *prev_hash,
                                        gint64          seq,
                                        const char     *recorded_at,
                                        const char     *actor,
                                        const char     *role,
                                        const char     *entity,
                                        const char     *operation,
                                        const char     *base_id,
                                        const char     *payload,
                                        char            out_hex[65]);

gboolean   sb_audit_append             (SbDatabase     *db,
                                        const char     *entity,
                                        const char     *operation,
                                        gint64          base_id,
                                        const char     *payload,
                                        GError        **error);
gboolean   sb_audit_verify             (SbDatabase     *db,
                                        SbAuditReport  *report,
                                        GError        **error);
char      *sb_audit_describe_report    (const SbAuditReport *report);

gboolean   sb_audit_export_csv         (SbDatabase     *db,
                                        GOutputStream  *out,
                                        GCancellable   *cancellable,
                                        GError        **error);

G_END_DECLS
