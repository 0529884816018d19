/* sb-deadline-watch.h: what falls due soon, and what is overdue, across
 * the whole programme
 */
#pragma once

#include <glib.h>

#include "sb-base-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      base_id;
  char       *base_name;
  SbDeadline  deadline;   /* problem owned */
} SbDueItem;

typedef enum
{
  SB_DEADLINE_WATCH_DUE_AND_OVERDUE,
  SB_DEADLINE_WATCH_OVERDUE_ONLY,
} SbDeadlineWatchMode;

GPtrArray *sb_deadline_watch_list (SbBaseStore          *store,
                                   GPtrArray            *bases,
                                   const GDate          *today,
                                   int                   within_days,
                                   SbDeadlineWatchMode   mode);
void       sb_due_item_free       (SbDueItem            *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbDueItem, sb_due_item_free)

G_END_DECLS
