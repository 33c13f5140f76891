/*
** holding_rank(): FTS5's bm25() without its one costly step, for Holding's search (main/journal/relevance.ts).
**
** bm25() weighs each phrase of a query by how many entries hold it (its IDF), and finds that out by
** running the phrase over the whole index once per statement: for a phrase of two common words at
** 100,000 entries that run costs as much as the search itself. When the query has one phrase only,
** that weight multiplies every entry's score alike and cannot change their order (bar rounding, which
** can make two nearly equal bm25() scores tie), so holding_rank() leaves it out (weight 1); with more
** than one phrase it gives bm25()'s values, each phrase's weight
** looked up only once a row holds it (so never for an excluded word). Everything else is
** bm25() as SQLite's fts5_aux.c computes it: k1 = 1.2, b = 0.75, the same arguments (a weight for
** each column), the same arithmetic in the same order.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <string.h>

typedef struct RankData RankData;
struct RankData {
  int nPhrase;
  sqlite3_int64 nRow;
  double avgdl;
  double *aIDF;                   /* A phrase's weight; 0 until it is looked up */
  double *aFreq;
};

static int rankCountCb(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUserData){
  sqlite3_int64 *pn = (sqlite3_int64*)pUserData;
  (void)pApi; (void)pFts;
  (*pn)++;
  return SQLITE_OK;
}

static int rankGetData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, RankData **ppData){
  int rc = SQLITE_OK;
  RankData *p = (RankData*)pApi->xGetAuxdata(pFts, 0);
  if( p==0 ){
    int nPhrase = pApi->xPhraseCount(pFts);
    sqlite3_int64 nRow = 0;
    sqlite3_int64 nToken = 0;
    sqlite3_int64 nByte = sizeof(RankData) + nPhrase*2*sizeof(double);
    p = (RankData*)sqlite3_malloc64(nByte);
    if( p==0 ) return SQLITE_NOMEM;
    memset(p, 0, (size_t)nByte);
    p->nPhrase = nPhrase;
    p->aIDF = (double*)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    rc = pApi->xRowCount(pFts, &nRow);
    if( rc==SQLITE_OK ) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if( rc==SQLITE_OK ) p->avgdl = (double)nToken / (double)nRow;
    p->nRow = nRow;
    /* One phrase: its weight would scale every score alike, so it is never looked up. */
    if( nPhrase==1 ) p->aIDF[0] = 1.0;
    if( rc!=SQLITE_OK ){
      sqlite3_free(p);
      return rc;
    }
    rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    if( rc!=SQLITE_OK ) return rc;
  }
  *ppData = p;
  return rc;
}

/*
** Phrase iPhrase's weight, looked up (a run of the phrase over the whole index) the first time a row
** holds the phrase: an excluded phrase ("NOT word") is in no row the query finds, so it never is.
*/
static int rankIDF(const Fts5ExtensionApi *pApi, Fts5Context *pFts, RankData *p, int iPhrase){
  int rc = SQLITE_OK;
  if( p->aIDF[iPhrase]==0.0 ){
    sqlite3_int64 nHit = 0;
    rc = pApi->xQueryPhrase(pFts, iPhrase, (void*)&nHit, rankCountCb);
    if( rc==SQLITE_OK ){
      double idf = log( (p->nRow - nHit + 0.5) / (nHit + 0.5) );
      if( idf<=0.0 ) idf = 1e-6;
      p->aIDF[iPhrase] = idf;
    }
  }
  return rc;
}

static void rankFunction(
  const Fts5ExtensionApi *pApi,
  Fts5Context *pFts,
  sqlite3_context *pCtx,
  int nVal,
  sqlite3_value **apVal
){
  const double k1 = 1.2;
  const double b = 0.75;
  int rc;
  double score = 0.0;
  RankData *pData = 0;
  int i;
  int nInst = 0;
  double D = 0.0;
  double *aFreq = 0;

  rc = rankGetData(pApi, pFts, &pData);
  if( rc==SQLITE_OK ){
    aFreq = pData->aFreq;
    memset(aFreq, 0, sizeof(double) * pData->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for(i=0; rc==SQLITE_OK && i<nInst; i++){
    int ip; int ic; int io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if( rc==SQLITE_OK ){
      double w = (nVal > ic) ? sqlite3_value_double(apVal[ic]) : 1.0;
      aFreq[ip] += w;
    }
  }
  if( rc==SQLITE_OK ){
    int nTok;
    rc = pApi->xColumnSize(pFts, -1, &nTok);
    D = (double)nTok;
  }
  /* A phrase the row does not hold adds exactly 0 to bm25()'s sum, so it is left out, weight and all. */
  for(i=0; rc==SQLITE_OK && i<pData->nPhrase; i++){
    if( aFreq[i]!=0.0 ) rc = rankIDF(pApi, pFts, pData, i);
  }
  if( rc==SQLITE_OK ){
    for(i=0; i<pData->nPhrase; i++){
      if( aFreq[i]==0.0 ) continue;
      score += pData->aIDF[i] * (
          ( aFreq[i] * (k1 + 1.0) ) /
          ( aFreq[i] + k1 * (1 - b + b * D / pData->avgdl) )
      );
    }
    sqlite3_result_double(pCtx, -1.0 * score);
  }else{
    sqlite3_result_error_code(pCtx, rc);
  }
}

static fts5_api *fts5ApiOf(sqlite3 *db){
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_pointer(pStmt, 1, (void*)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_holdingrank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  fts5_api *fts5;
  SQLITE_EXTENSION_INIT2(pApi);
  fts5 = fts5ApiOf(db);
  if( fts5==0 || fts5->iVersion<2 ){
    *pzErrMsg = sqlite3_mprintf("holding_rank needs FTS5 (API version 2 or later)");
    return SQLITE_ERROR;
  }
  return fts5->xCreateFunction(fts5, "holding_rank", 0, rankFunction, 0);
}
