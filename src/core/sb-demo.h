/* sb-demo.h: a realistic, deterministic demonstration programme
 */
#pragma once

#include "sb-base-store.h"

G_BEGIN_DECLS

#define SB_DEMO_DEFAULT_COUNT 72
#define SB_DEMO_DEFAULT_SEED  2021

/* Bases whose every change the audit log records; the rest of a larger
 * demonstration is one entry. */
#define SB_DEMO_AUDITED_BASES 72

gboolean sb_demo_fill (SbBaseStore  *store,
                       guint         count,
                       guint32       seed,
                       const GDate  *today,
                       GError      **error);

G_END_DECLS
