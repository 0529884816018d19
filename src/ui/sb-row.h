/* sb-row.h: one row of a list widget, showing whichever item is at its
 * position
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SB_TYPE_ROW (sb_row_get_type ())
G_DECLARE_FINAL_TYPE (SbRow, sb_row, SB, ROW, GObject)

SbRow    *sb_row_new      (gpointer  item);
gpointer  sb_row_get_item (SbRow    *self);
void      sb_row_set_item (SbRow    *self,
                           gpointer  item);

G_END_DECLS
