/* sb-notice.h: notices of annual assessment results, and spot checks
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sb-database.h"

G_BEGIN_DECLS

#define SB_NOTICE_ERROR (sb_notice_error_quark ())

typedef enum
{
  SB_NOTICE_ERROR_INVALID,
  SB_NOTICE_ERROR_NOT_FOUND,
} SbNoticeError;

typedef struct
{
  gint64  id;
  gint64  base_id;
  int     year;
  char   *recipient;
  GDate   issued;
  char   *title;
  char   *body;
  char   *authority;
} SbNotice;

typedef enum
{
  SB_SPOT_CHECK_ON_SITE,      /* 现场抽查 */
  SB_SPOT_CHECK_DOCUMENTS,    /* 材料审查 */
} SbSpotCheckMethod;

typedef struct
{
  gint64             id;
  GDate              date;
  SbSpotCheckMethod  method;
  char              *inspector;
  char              *findings;
} SbSpotCheck;

/* A4 portrait, in PDF points. */
#define SB_NOTICE_PAGE_WIDTH  595.2756
#define SB_NOTICE_PAGE_HEIGHT 841.8898

GQuark      sb_notice_error_quark         (void);

GPtrArray  *sb_notice_file_assessment     (SbDatabase        *database,
                                           gint64             base_id,
                                           int                year,
                                           const GDate       *date,
                                           GError           **error);
GPtrArray  *sb_notice_list_for_base       (SbDatabase        *database,
                                           gint64             base_id,
                                           GError           **error);
void        sb_notice_draw                (cairo_t           *cr,
                                           const SbNotice    *notice);
gboolean    sb_notice_write_pdf           (GPtrArray         *notices,
                                           const char        *path,
                                           GError           **error);
SbNotice   *sb_notice_copy                (const SbNotice    *notice);
void        sb_notice_free                (SbNotice          *notice);

const char *sb_spot_check_method_get_label (SbSpotCheckMethod method);
gint64      sb_spot_check_record          (SbDatabase        *database,
                                           gint64             base_id,
                                           const GDate       *date,
                                           SbSpotCheckMethod  method,
                                           const char        *inspector,
                                           const char        *findings,
                                           GError           **error);
GPtrArray  *sb_spot_check_list_for_base   (SbDatabase        *database,
                                           gint64             base_id,
                                           GError           **error);
void        sb_spot_check_free            (SbSpotCheck       *check);

G_END_DECLS
