/* sb-row-model.h: rows that stay while the items under them change
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SB_TYPE_ROW_MODEL (sb_row_model_get_type ())
G_DECLARE_FINAL_TYPE (SbRowModel, sb_row_model, SB, ROW_MODEL, GObject)

SbRowModel *sb_row_model_new       (GListModel *model);
GListModel *sb_row_model_get_model (SbRowModel *self);
void        sb_row_model_set_model (SbRowModel *self,
                                    GListModel *model);
void        sb_row_model_set_visible_range (SbRowModel *self,
                                            guint       first,
                                            guint       count);

G_END_DECLS
