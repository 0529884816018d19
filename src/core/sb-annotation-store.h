/* sb-annotation-store.h: annotations recorded against reviews
 */
#pragma once

#include "sb-annotation.h"
#include "sb-database.h"

G_BEGIN_DECLS

typedef enum
{
  SB_REVIEW_FORMAL,       /* Art. 14 */
  SB_REVIEW_EXPERT,       /* Art. 15 */
  SB_REVIEW_MIDTERM,      /* Art. 19 */
  SB_REVIEW_ACCEPTANCE,   /* Art. 20 */
  SB_N_REVIEW_KINDS
} SbReviewKind;

const char *sb_review_kind_to_string      (SbReviewKind   kind);
const char *sb_review_kind_get_label      (SbReviewKind   kind);
gint64      sb_annotation_store_ensure_review (SbDatabase   *database,
                                               gint64        base_id,
                                               SbReviewKind  kind,
                                               const char   *reviewer,
                                               const GDate  *date,
                                               GError      **error);

gint64      sb_annotation_store_find_latest_review (SbDatabase   *database,
                                                    gint64        document_id,
                                                    const char   *reviewer,
                                                    SbReviewKind *kind);
SbReviewKind sb_annotation_store_suggest_review_kind (SbDatabase *database,
                                                     gint64      base_id);

gint64      sb_annotation_store_save      (SbDatabase    *database,
                                           gint64         document_id,
                                           gint64         review_id,
                                           const char    *password,
                                           GPtrArray     *annotations,
                                           GError       **error);
GPtrArray  *sb_annotation_store_load      (SbDatabase    *database,
                                           gint64         document_id,
                                           gint64         review_id,
                                           GError       **error);
gint64      sb_annotation_store_find_document (SbDatabase *database,
                                               GBytes     *contents);
gint64      sb_annotation_store_find_original (SbDatabase *database,
                                               gint64      annotated_document_id);
gint64      sb_annotation_store_get_document_base (SbDatabase *database,
                                                   gint64      document_id);

G_END_DECLS
