/* sb-midterm.h: the mid-term report and the plan adjustments (Art. 19)
 */
#pragma once

#include <glib.h>

#include "sb-base-store.h"

G_BEGIN_DECLS

typedef enum
{
  SB_PROGRESS_NOT_YET,
  SB_PROGRESS_PARTLY,
  SB_PROGRESS_ACHIEVED,
  SB_N_PROGRESS
} SbProgress;

typedef struct
{
  gint64      task_id;
  int         year;      /* of the construction cycle: 1, 2, 3 … */
  GDate       date;      /* the milestone's date */
  char       *title;     /* what the year should achieve */
  char       *task;      /* the task's title */
  SbProgress  progress;  /* as last reported */
} SbMidtermItem;

const char *sb_progress_get_label        (SbProgress        progress);

GPtrArray  *sb_midterm_list_items        (SbDatabase       *database,
                                          gint64            base_id,
                                          GError          **error);
gboolean    sb_midterm_submit            (SbBaseStore      *store,
                                          gint64            base_id,
                                          GPtrArray        *items,
                                          const char       *summary,
                                          GArray           *document_ids,
                                          const char       *actor,
                                          const GDate      *date,
                                          const GDate      *today,
                                          GError          **error);
gboolean    sb_plan_record_adjustment    (SbDatabase       *database,
                                          gint64            base_id,
                                          const GDate      *date,
                                          const char       *description,
                                          GError          **error);
void        sb_midterm_item_free         (SbMidtermItem    *item);

G_END_DECLS
