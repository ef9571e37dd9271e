-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "leftOn" TEXT;

-- AlterTable
ALTER TABLE "ObservationRevision" ADD COLUMN     "reason" TEXT;

-- CreateTable
CREATE TABLE "RecordCorrection" (
    "id" SERIAL NOT NULL,
    "studentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recordKey" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT NOT NULL,
    "correctedBy" TEXT NOT NULL,
    "correctedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecordCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecordCorrection_studentId_correctedAt_idx" ON "RecordCorrection"("studentId", "correctedAt");

-- CreateIndex
CREATE INDEX "Student_leftOn_idx" ON "Student"("leftOn");

-- AddForeignKey
ALTER TABLE "RecordCorrection" ADD CONSTRAINT "RecordCorrection_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

