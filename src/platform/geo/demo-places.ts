/**
 * Word lists for the demo gazetteer. Localities are Stockport's real areas within each 2023 ward;
 * postcode districts and sectors are plausible for them, not an exact copy of Royal Mail's.
 */
export interface Locality {
  name: string;
  /** Postcode district and the sector digits used there: "SK4" + 3 makes "SK4 3xx". */
  district: string;
  sectors: number[];
}

export const WARD_LOCALITIES: Record<string, Locality[]> = {
  'Bramhall North': [{ name: 'Bramhall', district: 'SK7', sectors: [2, 3] }],
  'Bramhall South & Woodford': [
    { name: 'Bramhall', district: 'SK7', sectors: [1] },
    { name: 'Woodford', district: 'SK7', sectors: [1] },
  ],
  'Bredbury & Woodley': [
    { name: 'Bredbury', district: 'SK6', sectors: [2] },
    { name: 'Woodley', district: 'SK6', sectors: [1] },
  ],
  'Bredbury Green & Romiley': [
    { name: 'Romiley', district: 'SK6', sectors: [3, 4] },
    { name: 'Bredbury Green', district: 'SK6', sectors: [2] },
  ],
  'Brinnington & Stockport Central': [
    { name: 'Brinnington', district: 'SK5', sectors: [8] },
    { name: 'Portwood', district: 'SK1', sectors: [2] },
    { name: 'Stockport Town Centre', district: 'SK1', sectors: [1, 3] },
  ],
  'Cheadle East & Cheadle Hulme North': [
    { name: 'Cheadle', district: 'SK8', sectors: [1, 2] },
    { name: 'Cheadle Hulme', district: 'SK8', sectors: [6] },
  ],
  'Cheadle Hulme South': [{ name: 'Cheadle Hulme', district: 'SK8', sectors: [5, 6, 7] }],
  'Cheadle West & Gatley': [
    { name: 'Gatley', district: 'SK8', sectors: [4] },
    { name: 'Cheadle', district: 'SK8', sectors: [1] },
  ],
  'Davenport & Cale Green': [
    { name: 'Davenport', district: 'SK3', sectors: [8] },
    { name: 'Cale Green', district: 'SK2', sectors: [6] },
    { name: 'Shaw Heath', district: 'SK3', sectors: [8] },
  ],
  Edgeley: [
    { name: 'Edgeley', district: 'SK3', sectors: [9] },
    { name: 'Cheadle Heath', district: 'SK3', sectors: [0] },
  ],
  'Hazel Grove': [{ name: 'Hazel Grove', district: 'SK7', sectors: [4, 5, 6] }],
  'Heald Green': [{ name: 'Heald Green', district: 'SK8', sectors: [3] }],
  'Heatons North': [
    { name: 'Heaton Chapel', district: 'SK4', sectors: [5] },
    { name: 'Heaton Moor', district: 'SK4', sectors: [4] },
  ],
  'Heatons South': [
    { name: 'Heaton Mersey', district: 'SK4', sectors: [3] },
    { name: 'Heaton Norris', district: 'SK4', sectors: [1] },
    { name: 'Heaton Moor', district: 'SK4', sectors: [2] },
  ],
  Manor: [
    { name: 'Heaviley', district: 'SK1', sectors: [4] },
    { name: 'Great Moor', district: 'SK2', sectors: [7] },
  ],
  'Marple North': [
    { name: 'Marple', district: 'SK6', sectors: [6, 7] },
    { name: 'Marple Bridge', district: 'SK6', sectors: [5] },
    { name: 'Compstall', district: 'SK6', sectors: [5] },
  ],
  'Marple South & High Lane': [
    { name: 'Marple', district: 'SK6', sectors: [7] },
    { name: 'High Lane', district: 'SK6', sectors: [8] },
  ],
  'Norbury & Woodsmoor': [
    { name: 'Woodsmoor', district: 'SK2', sectors: [7] },
    { name: 'Norbury', district: 'SK7', sectors: [4] },
  ],
  Offerton: [{ name: 'Offerton', district: 'SK2', sectors: [5] }],
  'Reddish North': [{ name: 'Reddish', district: 'SK5', sectors: [6, 7] }],
  'Reddish South': [{ name: 'Reddish', district: 'SK5', sectors: [6] }],
};

/** The M60 runs through these wards; its sections are National Highways', not the council's. */
export const MOTORWAY_WARDS = ['Heatons South', 'Brinnington & Stockport Central', 'Bredbury & Woodley', 'Cheadle West & Gatley'];

export const STREET_WORDS = [
  'Acre', 'Albert', 'Alder', 'Alexandra', 'Ash', 'Ashbourne', 'Bank', 'Beech', 'Belmont', 'Birch',
  'Blackberry', 'Bowden', 'Bridge', 'Brook', 'Buxton', 'Carlton', 'Cedar', 'Chapel', 'Cherry', 'Chester',
  'Church', 'Clifton', 'Cromwell', 'Dale', 'Derby', 'Dove', 'Elm', 'Fairfield', 'Fern', 'Field',
  'Finch', 'Garden', 'Gorse', 'Grange', 'Green', 'Grosvenor', 'Hall', 'Hawthorn', 'Hazel', 'Heath',
  'Heather', 'Hill', 'Holly', 'Ivy', 'Kingsley', 'Larch', 'Laurel', 'Lime', 'Linden', 'Lyme',
  'Manor', 'Maple', 'Meadow', 'Mersey', 'Mill', 'Moss', 'Mount', 'Nelson', 'Newby', 'Oak',
  'Orchard', 'Park', 'Peel', 'Pine', 'Poplar', 'Priory', 'Queens', 'Rectory', 'Rose', 'Rowan',
  'School', 'Spring', 'Station', 'Stanley', 'Tame', 'Thorn', 'Union', 'Vale', 'Victoria', 'Warren',
  'Wellington', 'Willow', 'Windsor', 'Wood', 'Yew',
];

export const STREET_SUFFIXES = ['Road', 'Street', 'Lane', 'Avenue', 'Close', 'Drive', 'Grove', 'Way', 'Crescent', 'Place'];

/** Unadopted roads are often mews and courts. */
export const PRIVATE_SUFFIXES = ['Mews', 'Court', 'Gardens'];

export const HOUSE_NAMES = [
  'Rose Cottage', 'The Old Rectory', 'Ivy House', 'Holly Lodge', 'The Coach House', 'Orchard View', 'Brook House',
  'The Laurels', 'Fern Cottage', 'Hillside', 'The Barn', 'Willow Bank', 'Meadow View', 'The Old School House',
];
