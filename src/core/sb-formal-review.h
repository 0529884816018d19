/* sb-formal-review.h: the checklist of the formal review (Art. 14)
 */
#pragma once

#include <glib.h>

#include "sb-database.h"

G_BEGIN_DECLS

typedef struct
{
  char     *label;       /* what is checked, with its article */
  char     *finding;     /* what the application holds */
  gboolean  satisfied;   /* as found in the application; the reviewer decides */
} SbChecklistItem;

GPtrArray *sb_formal_review_check          (SbDatabase  *database,
                                            gint64       base_id,
                                            GError     **error);
char      *sb_formal_review_describe_missing (GPtrArray  *items,
                                              const gboolean *accepted,
                                              const char *remarks);
void       sb_checklist_item_free          (SbChecklistItem *item);

G_END_DECLS
