/* sb-demo.h: a realistic, deterministic demonstration programme
 */
#pragma once

#include "sb-base-store.h"

G_BEGIN_DECLS

#define SB_DEMO_DEFAULT_COUNT 72
#define SB_DEMO_DEFAULT_SEED  2021

gboolean sb_demo_fill (SbBaseStore  *store,
                       guint         count,
                       guint32       seed,
                       const GDate  *today,
                       GError      **error);

G_END_DECLS
