/* sb-draft.h: what a step wizard holds before it is submitted
 */
#pragma once

#include <glib.h>

#include "sb-database.h"

G_BEGIN_DECLS

typedef enum
{
  SB_DRAFT_KIND_APPLICATION,  /* 申报书, Art. 11–13 */
  SB_DRAFT_KIND_PLAN,         /* 建设方案, Art. 16 */
} SbDraftKind;

typedef struct
{
  gint64       id;
  SbDraftKind  kind;
  gint64       base_id;     /* 0: none yet */
  char        *title;
  int          step;        /* the step last shown */
  char        *updated_at;  /* ISO 8601, UTC */
} SbDraftInfo;

const char  *sb_draft_kind_to_string   (SbDraftKind   kind);

gint64       sb_draft_create           (SbDatabase   *database,
                                        SbDraftKind   kind,
                                        gint64        base_id,
                                        GError      **error);
gboolean     sb_draft_save_fields      (SbDatabase   *database,
                                        gint64        draft_id,
                                        GHashTable   *changes,
                                        GError      **error);
gboolean     sb_draft_set_field        (SbDatabase   *database,
                                        gint64        draft_id,
                                        const char   *key,
                                        const char   *value,
                                        GError      **error);
gboolean     sb_draft_set_title        (SbDatabase   *database,
                                        gint64        draft_id,
                                        const char   *title,
                                        int           step,
                                        GError      **error);
GHashTable  *sb_draft_load             (SbDatabase   *database,
                                        gint64        draft_id,
                                        SbDraftInfo  *info,
                                        GError      **error);
GPtrArray   *sb_draft_list             (SbDatabase   *database,
                                        SbDraftKind   kind,
                                        gint64        base_id,
                                        GError      **error);
gint64       sb_draft_find_for_base    (SbDatabase   *database,
                                        SbDraftKind   kind,
                                        gint64        base_id);
gboolean     sb_draft_delete           (SbDatabase   *database,
                                        gint64        draft_id,
                                        GError      **error);

void         sb_draft_info_clear       (SbDraftInfo  *info);
void         sb_draft_info_free        (SbDraftInfo  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbDraftInfo, sb_draft_info_free)

G_END_DECLS
