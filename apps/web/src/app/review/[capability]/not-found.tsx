import { InvalidReviewLink } from '@/components/review/invalid-review-link'

export default InvalidReviewLink
